/// Hands a value to another thread that Swift cannot prove safe to share, which alone uses it from
/// then on: the site writer, whose files the page thread alone writes until
/// `BackgroundPageWriter.finish` returns; a snapshot read, to the thread that fits it.
struct ThreadHandoff<Value>: @unchecked Sendable {
    let value: Value
}
