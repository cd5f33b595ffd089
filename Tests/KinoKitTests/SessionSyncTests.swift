import Foundation
import KinoCore
import KinoKit
import KinoStore
import Testing

/// Two ProjectSessions on one file, as the editor and the CLI are: each edit is validated
/// against the file inside its write transaction, undo takes the shared journal's latest
/// edit, and the other session follows.
@Suite struct SessionSyncTests {
    /// A file with two shots, opened twice.
    private func twoSessions(_ dir: TempFolder) throws -> (ProjectSession, ProjectSession) {
        let path = dir.file("shared.kino")
        let a = try smallProject(at: path, shots: [("a red car", 1), ("a blue van", 1)])
        let b = try ProjectSession.open(at: path)
        return (a, b)
    }

    private func journal(_ path: String) throws -> (done: Int, undone: Int) {
        let store = try ProjectStore.open(at: path)
        defer { try? store.close() }
        return try store.journalCounts()
    }

    @Test func testFollowFileReplaysTheOtherSessionsEdit() throws {
        let dir = TempFolder()
        let (a, b) = try twoSessions(dir)
        defer { a.close(); b.close() }
        let id = a.project.shots[0].id
        #expect(try b.followFile() == nil)
        let before = b.externalGeneration
        try a.apply { try $0.updatingShot(id) { $0.prompt = "external" } }
        #expect(try b.followFile() == [id])
        #expect(b.project == a.project)
        #expect(b.externalGeneration == before + 1)
        #expect(try b.followFile() == nil)
    }

    @Test func testStaleShotEditKeepsTheOtherFieldsChangedMeanwhile() throws {
        let dir = TempFolder()
        let (a, b) = try twoSessions(dir)
        defer { a.close(); b.close() }
        let stale = b.project.shots[0]
        try a.apply { try $0.updatingShot(stale.id) { $0.prompt = "external" } }
        // b's edit was built from the shot before a's edit; it changes the seed only.
        var changed = stale
        changed.seed = 4242
        let after = try b.apply(.updateShot(old: stale, new: changed))
        #expect(after.shots[0].prompt == "external")
        #expect(after.shots[0].seed == 4242)
        #expect(try ProjectSession.open(at: a.path).project.shots[0] == after.shots[0])
        // The journal holds the real old value: undoing b's edit gives a's prompt back, not b's stale one.
        let undone = try #require(try a.undo())
        #expect(undone.label == "change seed of shot \(stale.id)")
        #expect(a.project.shots[0].prompt == "external")
        #expect(a.project.shots[0].seed == stale.seed)
        // The second undo, from the other session, undoes a's prompt edit; neither is refused.
        let second = try #require(try b.undo())
        #expect(second.label == "change prompt of shot \(stale.id)")
        #expect(b.project.shots[0] == stale)
        #expect(try a.followFile() == [stale.id])
        #expect(a.project == b.project)
    }

    @Test func testStaleEditOfTheSameFieldIsRefusedAndChangesNothing() throws {
        let dir = TempFolder()
        let (a, b) = try twoSessions(dir)
        defer { a.close(); b.close() }
        let stale = b.project.shots[0]
        try a.apply { try $0.updatingShot(stale.id) { $0.prompt = "external" } }
        let counts = try journal(a.path)
        var mine = stale
        mine.prompt = "a red car EDITOR"
        #expect(throws: ValidationError.self) { try b.apply(.updateShot(old: stale, new: mine)) }
        #expect(try journal(a.path) == counts)
        #expect(b.project.shots[0].prompt == "external")
        #expect(try ProjectSession.open(at: a.path).project.shots[0].prompt == "external")
    }

    @Test func testAddsFromBothSessionsGetDistinctIds() throws {
        let dir = TempFolder()
        let (a, b) = try twoSessions(dir)
        defer { a.close(); b.close() }
        let scene = a.project.scenes[0].id
        var ids: [ShotID] = []
        for i in 0..<10 {
            let s = i % 2 == 0 ? a : b
            var made: ShotID?
            try s.apply { p in
                let (e, id) = try p.addingShot { Shot(id: $0, sceneID: scene, prompt: "add \(i)", duration: 24, seed: 1) }
                made = id
                return e
            }
            ids.append(try #require(made))
        }
        #expect(Set(ids).count == 10)
        _ = try a.followFile()
        _ = try b.followFile()
        #expect(a.project == b.project)
        #expect(a.project.shots.count == 12)
        #expect(try ProjectSession.open(at: a.path).project == a.project)
    }

    @Test func testRedoHistoryDiscardedElsewhereIsReloaded() throws {
        let dir = TempFolder()
        let (a, b) = try twoSessions(dir)
        defer { a.close(); b.close() }
        let id = a.project.shots[1].id
        try a.apply { try $0.updatingShot(id) { $0.prompt = "one" } }
        _ = try b.followFile()
        // a undoes "one" and makes a new edit, which discards the undone row b had seen done.
        try a.undo()
        try a.apply { try $0.updatingShot(id) { $0.duration = 36 } }
        #expect(try b.followFile() != nil)
        #expect(b.project == a.project)
        #expect(b.project.shots[1].prompt == "a blue van")
        #expect(b.project.shots[1].duration == 36)
        // b's redo finds nothing: the undone row is gone for everyone.
        #expect(try b.redo() == nil)
    }

    @Test func testConcurrentUndosAcknowledgeOnlyWhatHappened() throws {
        let dir = TempFolder()
        let (a, b) = try twoSessions(dir)
        defer { a.close(); b.close() }
        let id = a.project.shots[0].id
        for i in 0..<20 { try a.apply { try $0.updatingShot(id) { $0.seed = UInt64(1000 + i) } } }
        let start = try journal(a.path)
        let acknowledged = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: 2) { n in
            let s = n == 0 ? a : b
            for _ in 0..<8 { if (try? s.undo()) ?? nil != nil { acknowledged.add() } }
        }
        let end = try journal(a.path)
        #expect(acknowledged.value == 16)
        #expect(end.done == start.done - 16)
        #expect(end.undone == start.undone + 16)
        _ = try a.followFile()
        _ = try b.followFile()
        #expect(a.project == b.project)
        #expect(a.project.shots[0].seed == 1003)
    }
}

final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}
