import Testing
@testable import ReportModel
#if canImport(Glibc)
import Glibc
#endif

/// `CustomerIndex`: interning, lookup, growth and byte order.
@Suite("Ingest: customer index")
struct IngestCustomerIndexTests {
    static func lookup(_ index: CustomerIndex, _ id: String) -> Int32? {
        Array(id.utf8).withUnsafeBytes { index.lookup($0) }
    }

    @Test("interning gives dense, stable indices")
    func interning() {
        var index = CustomerIndex()
        #expect(index.count == 0)
        #expect(index.intern("A1") == 0)
        #expect(index.intern("B2") == 1)
        #expect(index.intern("A1") == 0)
        #expect(Array("B2".utf8).withUnsafeBytes { index.intern($0) } == 1)
        #expect(index.intern("a1") == 2)
        #expect(index.intern("") == 3)
        #expect(index.intern("") == 3)
        #expect(index.count == 4)
        #expect(index.id(0) == "A1" && index.id(1) == "B2" && index.id(2) == "a1" && index.id(3) == "")
    }

    @Test("lookup finds known ids and does not add unknown ones")
    func lookup() {
        var index = CustomerIndex()
        _ = index.intern("x@example.com")
        _ = index.intern("Éloïse")
        #expect(Self.lookup(index, "x@example.com") == 0)
        #expect(Self.lookup(index, "Éloïse") == 1)
        #expect(Self.lookup(index, "Eloise") == nil)
        #expect(Self.lookup(index, "x@example.co") == nil)
        #expect(Self.lookup(index, "") == nil)
        #expect(index.count == 2)
    }

    @Test("growth past many entries keeps every index", arguments: [1, 16, 1024])
    func growth(capacity: Int) {
        var index = CustomerIndex(capacity: capacity)
        let n = 50_000
        var wrong = 0
        for k in 0..<n where index.intern("customer-\(k)") != Int32(k) { wrong += 1 }
        #expect(index.count == n)
        for k in stride(from: n - 1, through: 0, by: -1) {
            if index.intern("customer-\(k)") != Int32(k) { wrong += 1 }
            if Self.lookup(index, "customer-\(k)") != Int32(k) { wrong += 1 }
            if index.id(Int32(k)) != "customer-\(k)" { wrong += 1 }
        }
        #expect(wrong == 0)
        #expect(index.count == n)
        #expect(Self.lookup(index, "customer-\(n)") == nil)
    }

    /// Ids in increasing byte order skip the table until `settle` (see `CustomerIndex.intern`):
    /// runs in order, repeats, ids out of order, lookups and batches in between, and a reserve,
    /// all against a dictionary.
    @Test("ids in order, then any order, match a dictionary", arguments: [1, 7, 2026])
    func orderedRunsMatchADictionary(seed: UInt64) {
        var g = SplitMix(seed: seed)
        var index = CustomerIndex(capacity: 16)
        var known: [String: Int32] = [:]
        var order: [String] = []
        var next = 0
        var wrong = 0
        func check(_ id: String, _ got: Int32) {
            let expected = known[id] ?? Int32(known.count)
            if known[id] == nil { known[id] = expected; order.append(id) }
            if got != expected { wrong += 1 }
        }
        for step in 0..<6_000 {
            var kind = g.next() % 10
            if kind == 8 && step < 4_000 { kind = 6 }   // ids stay in order for the first 4,000 steps
            switch kind {
            case 0..<6:   // the next sequential id: new, after every id so far
                next += 1 + Int(g.next() % 3)
                let id = String(format: "C%07d", next)
                check(id, index.intern(id))
            case 6, 7:    // an id seen before
                guard let id = order.randomElement(using: &g) else { continue }
                check(id, index.intern(id))
            case 8:       // an id out of order, seen or not (ids are no longer in order from then on)
                let id = String(format: "C%07d", Int(g.next() % UInt64(next + 10)))
                check(id, index.intern(id))
            default:      // lookups and a batch, with ids still pending
                for id in order.suffix(3) where Self.lookup(index, id) != known[id] { wrong += 1 }
                if Self.lookup(index, String(format: "C%07d", next + 1)) != nil { wrong += 1 }
                let batch = [String(format: "C%07d", next + 5), order.first ?? "x"]
                let bytes = batch.map { Array($0.utf8) }
                var out = [Int32](repeating: -1, count: batch.count)
                bytes[0].withUnsafeBytes { b0 in bytes[1].withUnsafeBytes { b1 in
                    [b0, b1].withUnsafeBufferPointer { index.intern(batch: $0, into: &out) }
                } }
                for (id, got) in zip(batch, out) { check(id, got) }
                next += 5
            }
            if step == 3_000 { index.reserveCapacity(20_000) }
        }
        #expect(wrong == 0)
        #expect(index.count == known.count)
        for (id, k) in known where Self.lookup(index, id) != k || index.id(k) != id { wrong += 1 }
        #expect(wrong == 0)
    }

    /// Ids appended in increasing byte order are not in the table until one needs it: lookups
    /// find them by a binary search, and ids between, before and after them are not found.
    @Test("lookups among ids never placed in the table", arguments: [0, 1, 2, 3, 1000])
    func lookupBeforeTheTableIsMade(count: Int) {
        var index = CustomerIndex(capacity: 4)
        for k in 0..<count { #expect(index.intern(String(format: "C%05d", 2 * k + 1)) == Int32(k)) }
        var wrong = 0
        for k in 0..<count {
            if Self.lookup(index, String(format: "C%05d", 2 * k + 1)) != Int32(k) { wrong += 1 }
            if Self.lookup(index, String(format: "C%05d", 2 * k)) != nil { wrong += 1 }
            if Self.lookup(index, String(format: "C%05d", 2 * k + 1) + "0") != nil { wrong += 1 }
        }
        #expect(wrong == 0)
        #expect(Self.lookup(index, "C") == nil && Self.lookup(index, "D") == nil && Self.lookup(index, "") == nil)
        // The first id out of order makes the table: every id is still found, once.
        #expect(index.intern("A") == Int32(count))
        for k in 0..<count where Self.lookup(index, String(format: "C%05d", 2 * k + 1)) != Int32(k) { wrong += 1 }
        for k in 0..<count where index.intern(String(format: "C%05d", 2 * k + 1)) != Int32(k) { wrong += 1 }
        #expect(wrong == 0)
        #expect(index.count == count + 1)
    }

    /// After `releaseTable` every id is still found, by lookup and by intern (which makes the table
    /// again), ids in order are still appended without it, and new ids get the next indices.
    @Test("a released table", arguments: [false, true])
    func releasedTable(inOrder: Bool) {
        var index = CustomerIndex(capacity: 4)
        let ids = (0..<3_000).map { inOrder ? String(format: "C%05d", $0) : "c-\(($0 * 7_919) % 3_000)" }
        for (k, id) in ids.enumerated() { #expect(index.intern(id) == Int32(k)) }
        index.releaseTable()
        var wrong = 0
        for (k, id) in ids.enumerated() where IngestCustomerIndexTests.lookup(index, id) != Int32(k) { wrong += 1 }
        #expect(IngestCustomerIndexTests.lookup(index, "nobody") == nil)
        #expect(index.intern("D00000") == 3_000)     // after every id when they are in order
        #expect(IngestCustomerIndexTests.lookup(index, "D00000") == 3_000)
        for (k, id) in ids.enumerated().reversed() where index.intern(id) != Int32(k) { wrong += 1 }
        for (k, id) in ids.enumerated() where IngestCustomerIndexTests.lookup(index, id) != Int32(k) { wrong += 1 }
        #expect(wrong == 0)
        #expect(index.intern("another") == 3_001)
        #expect(index.count == 3_002)
    }

    @Test("ids of every length up to 24 bytes differ in every byte", arguments: Array(1...24))
    func equalityAtEveryLength(length: Int) {
        var index = CustomerIndex()
        let base = [UInt8](repeating: UInt8(ascii: "a"), count: length)
        #expect(base.withUnsafeBytes { index.intern($0) } == 0)
        for k in 0..<length {
            var other = base
            other[k] = UInt8(ascii: "b")
            #expect(other.withUnsafeBytes { index.matches(0, $0) } == false)
            #expect(other.withUnsafeBytes { index.intern($0) } == Int32(k + 1))
        }
        #expect(base.withUnsafeBytes { index.matches(0, $0) })
        #expect(Array(base.dropLast()).withUnsafeBytes { index.matches(0, $0) } == false)
    }

    @Test("copies are independent values")
    func valueSemantics() {
        var a = CustomerIndex()
        _ = a.intern("one")
        var b = a
        _ = b.intern("two")
        #expect(a.count == 1 && b.count == 2)
        #expect(Self.lookup(a, "two") == nil)
    }

    @Test("precedes is byte order", arguments: [
        ("A", "a", true), ("a", "A", false), ("a", "ab", true), ("ab", "a", false), ("ab", "b", true),
        ("10", "9", true), ("Z", "a", true), ("z", "é", true), ("é", "z", false), ("", "a", true), ("a", "", false),
        ("same", "same", false), ("a b", "a-b", true), ("A1", "A10", true),
    ])
    func precedes(_ x: String, _ y: String, _ expected: Bool) {
        var index = CustomerIndex()
        let a = index.intern(x), b = index.intern(y)
        #expect(index.precedes(a, b) == expected)
    }

    @Test("sorting by precedes equals sorting by UTF-8 bytes")
    func sortOrder() {
        let ids = ["b", "B", "a10", "a9", "a", "é", "e", "E", "ä", "Z", "0", "-x", "日本", "~", "a "]
        var index = CustomerIndex()
        let keys = ids.map { index.intern($0) }
        let sorted = keys.sorted { index.precedes($0, $1) }.map { index.id($0) }
        let expected = ids.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(sorted == expected)
    }

    @Test("interning in batches gives the indices of interning one by one")
    func batchIntern() {
        var state: UInt64 = 0x1234_5678
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        // Repeats within and across batches, empty and long ids, enough ids to grow the table several times.
        let ids: [[UInt8]] = (0..<30_000).map { _ in
            switch next(50) {
            case 0: return []
            case 1: return Array(repeating: UInt8(ascii: "x"), count: 70_000 + next(3))
            default: return Array("C\(next(9000))".utf8)
            }
        }
        var single = CustomerIndex()
        let expected = ids.map { id in id.withUnsafeBytes { single.intern($0) } }
        var batched = CustomerIndex()
        var got: [Int32] = []
        var k = 0
        while k < ids.count {
            let n = min(ids.count - k, next(70))
            var out = [Int32](repeating: -1, count: n)
            // Keep the id buffers alive while their pointers are used.
            let slice = Array(ids[k..<(k + n)])
            let copies = slice.map { id -> UnsafeMutableRawBufferPointer in
                let p = UnsafeMutableRawBufferPointer.allocate(byteCount: id.count, alignment: 1)
                id.withUnsafeBytes { p.copyMemory(from: $0) }
                return p
            }
            let pointers = copies.map { UnsafeRawBufferPointer($0) }
            pointers.withUnsafeBufferPointer { batch in out.withUnsafeMutableBufferPointer { batched.intern(batch: batch, into: $0.baseAddress!) } }
            for p in copies { p.deallocate() }
            got += out
            k += n
        }
        #expect(got == expected)
        #expect(batched.count == single.count)
        for i in 0..<single.count { #expect(batched.id(Int32(i)) == single.id(Int32(i))) }
    }

    /// The table compares ids of up to eight bytes by their first eight bytes, zero after the end,
    /// and their length: ids that differ only by trailing NUL bytes, or by one byte at any place,
    /// of every length from 0 to 40, met in no order, one by one and in batches.
    @Test("ids of every length with NUL bytes match a dictionary", arguments: [3, 11])
    func shortAndLongIDsWithNULBytes(seed: UInt64) {
        var g = SplitMix(seed: seed)
        var pool: [[UInt8]] = []
        for length in 0...40 {
            let base = (0..<length).map { _ in UInt8(truncatingIfNeeded: g.next() % 4) }   // NUL bytes among them
            pool.append(base)
            pool.append(base + [0])
            pool.append(base + [0, 0])
            if length > 0 {
                var other = base
                other[Int(g.next() % UInt64(length))] ^= 0x80
                pool.append(other)
            }
        }
        var index = CustomerIndex(capacity: 16)
        var known: [[UInt8]: Int32] = [:]
        var wrong = 0
        for round in 0..<6 {
            let order = pool.shuffled(using: &g)
            if round % 2 == 0 {
                for id in order {
                    let expected = known[id] ?? Int32(known.count)
                    known[id] = expected
                    if id.withUnsafeBytes({ index.intern($0) }) != expected { wrong += 1 }
                }
            } else {
                let copies = order.map { id -> UnsafeMutableRawBufferPointer in
                    let p = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, id.count), alignment: 1)
                    id.withUnsafeBytes { if $0.count > 0 { p.copyMemory(from: $0) } }
                    return p
                }
                let pointers = zip(copies, order).map { UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer($0.0)[..<$0.1.count]) }
                var out = [Int32](repeating: -1, count: order.count)
                pointers.withUnsafeBufferPointer { batch in out.withUnsafeMutableBufferPointer { index.intern(batch: batch, into: $0.baseAddress!) } }
                for p in copies { p.deallocate() }
                for (id, got) in zip(order, out) {
                    let expected = known[id] ?? Int32(known.count)
                    known[id] = expected
                    if got != expected { wrong += 1 }
                }
            }
        }
        #expect(wrong == 0)
        #expect(index.count == known.count)
        for (id, k) in known {
            if id.withUnsafeBytes({ index.lookup($0) }) != k { wrong += 1 }
            if !id.withUnsafeBytes({ index.matches(k, $0) }) { wrong += 1 }
        }
        #expect(wrong == 0)
        var absent = pool[pool.count - 1]
        absent.append(7)
        #expect(absent.withUnsafeBytes { index.lookup($0) } == nil)
    }

    @Test("an id's word is its first bytes zero-padded, for every length up to 8", arguments: Array(0...8))
    func wordOfShortIDs(length: Int) {
        var random = SampleRandom(seed: 31, UInt64(length), salt: 0x5EED)
        for _ in 0..<200 {
            let id = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            var expected: UInt64 = 0
            withUnsafeMutableBytes(of: &expected) { $0.copyBytes(from: id) }
            #expect(id.withUnsafeBytes { CustomerIndex.word($0) } == expected)
        }
    }

    /// A short id at the very end of readable memory: its word reads none of the bytes after it
    /// (the next page is made unreadable, so a read past the id would stop the test process).
    @Test("an id's word reads no byte past the id", arguments: Array(1...7))
    func wordStaysInsideTheID(length: Int) throws {
        #if os(Linux)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let mapped = try #require(mmap(nil, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        #expect(mapped != MAP_FAILED)
        defer { munmap(mapped, 2 * page) }
        #expect(mprotect(mapped + page, page, PROT_NONE) == 0)
        let start = mapped + page - length
        for k in 0..<length { start.storeBytes(of: UInt8(0x41 + k), toByteOffset: k, as: UInt8.self) }
        var expected: UInt64 = 0
        withUnsafeMutableBytes(of: &expected) { $0.copyBytes(from: (0..<length).map { UInt8(0x41 + $0) }) }
        #expect(CustomerIndex.word(UnsafeRawBufferPointer(start: start, count: length)) == expected)
        #endif
    }
}
