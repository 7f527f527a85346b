import Foundation
import Synchronization
import Testing
@testable import ReportRender

/// The page thread: jobs run in order, one at a time, and a failure reaches the build.
@Suite struct BackgroundPageWriterTests {
    @Test func jobsRunInOrderAndFinishWaitsForTheLast() throws {
        let writer = BackgroundPageWriter()
        let done = Mutex<[Int]>([])
        for k in 0..<5 {
            try writer.submit {
                Thread.sleep(forTimeInterval: 0.002 * Double(5 - k))
                done.withLock { $0.append(k) }
            }
        }
        try writer.finish()
        #expect(done.withLock { $0 } == [0, 1, 2, 3, 4])
    }

    @Test func aFailureIsRethrownByTheNextSubmitAndByFinish() throws {
        let writer = BackgroundPageWriter()
        let failure = SiteError.cannotWrite("site/2026-10/segments.csv", "No space left on device")
        try writer.submit { () throws(SiteError) in throw failure }   // starts the job; its failure comes later
        let ran = Mutex(false)
        #expect(throws: failure) { try writer.submit { ran.withLock { $0 = true } } }
        #expect(ran.withLock { $0 } == false, "no job runs after a failure")
        #expect(throws: failure) { try writer.finish() }
    }
}
