import Foundation
import GRDB
import KinoCore
import Testing
@testable import KinoStore

/// A healthy project is never refused, a file that is not one is never touched, and nothing a
/// crafted file holds reaches a path or the engine unchecked.
@Suite struct FileSafetyTests {
    func deadPID() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    func take(_ id: String, shot: ShotID, status: TakeStatus = .complete) -> Take {
        Take(id: TakeID(raw: id), shotID: shot, seed: 1, inputHash: "h", lineage: .rendered, status: status,
             engine: "procedural 1", frameCount: 48, prompt: "p", createdAt: 1)
    }

    @Test func testKinoMarkWithoutKinoTablesIsRefusedAndLeftUntouched() throws {
        let dir = TempDir()
        let path = dir.file("marked.kino")
        let q = try DatabaseQueue(path: path)
        try q.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = \(FileCheck.applicationID)")
            try db.execute(sql: "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine')")
        }
        try q.close()
        let before = fileBytes(path)
        #expect(throws: StoreError.foreignDatabase(path)) { try ProjectStore.open(at: path) }
        #expect(fileBytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    /// After a full disk a checkpoint can have written page 1 (the new page count) without
    /// extending the file: the WAL still holds every page, and the project is sound.
    @Test func testShortMainFileWhoseWALHoldsThePagesOpens() throws {
        let dir = TempDir()
        let path = dir.file("w.kino")
        try ProjectStore.create(at: path, project: try sampleProject()).close()
        let live = try DatabaseQueue(path: path)
        try live.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            for i in 0..<200 { try db.execute(sql: "INSERT INTO journal (edit, label, state, applied_at) VALUES (?, 'x', 'done', 0)", arguments: [String(repeating: "e\(i)", count: 200)]) }
        }
        let pages = try live.read { try Int.fetchOne($0, sql: "PRAGMA page_count") ?? 0 }
        // Copy the pair while the log is live (closing would checkpoint it).
        let copy = dir.file("c.kino")
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
        try live.close()
        var main = fileBytes(copy)
        #expect(main.count < pages * 4096)
        let be = withUnsafeBytes(of: UInt32(pages).bigEndian) { Array($0) }
        main.replaceSubrange(28..<32, with: be)
        try main.write(to: URL(fileURLWithPath: copy))
        let store = try ProjectStore.open(at: copy)
        #expect(try store.integrityCheck() == "ok")
        #expect(try store.loadProject().shots.count == 2)
        try store.close()
    }

    @Test func testTruncatedFileWithoutALogIsStillRefused() throws {
        let dir = TempDir()
        let path = dir.file("t.kino")
        try ProjectStore.create(at: path, project: try sampleProject()).close()
        var main = fileBytes(path)
        main.replaceSubrange(28..<32, with: [0, 0, 1, 0])
        try main.write(to: URL(fileURLWithPath: path))
        #expect { try ProjectStore.open(at: path) } throws: { e in
            if case StoreError.truncated = e { return true } else { return false }
        }
    }

    @Test(arguments: ["UPDATE shot SET id = '../../../../tmp/x/ESCAPED' WHERE position = 0",
                      "UPDATE shot SET current_take_id = '../../../../tmp/x/ESCAPED'",
                      "UPDATE scene SET name = 'a' || char(27) || ']2;PWNED' || char(7)",
                      "UPDATE character SET description = hex(randomblob(3000))"])
    func testCraftedValuesAreRefusedOnLoad(sql: String) throws {
        let dir = TempDir()
        let path = dir.file("c.kino")
        try ProjectStore.create(at: path, project: try sampleProject()).close()
        let q = try DatabaseQueue(path: path)
        try q.writeWithoutTransaction { try $0.execute(sql: "PRAGMA foreign_keys = OFF; " + sql) }
        try q.close()
        let store = try ProjectStore.open(at: path)
        defer { try? store.close() }
        #expect { try store.loadProject() } throws: { e in
            guard case StoreError.corrupt = e, let text = (e as? LocalizedError)?.errorDescription else { return false }
            return !text.unicodeScalars.contains { $0.value < 0x20 }
        }
    }

    @Test func testCraftedTakeIdIsRefusedWhenRead() throws {
        let dir = TempDir()
        let path = dir.file("k.kino")
        let p = try sampleProject()
        let store = try ProjectStore.create(at: path, project: p)
        defer { try? store.close() }
        try store.saveTake(take("../../../../tmp/x/ESCAPED", shot: p.shots[0].id), recipe: "{}", checkpoints: [], thumbnails: [])
        #expect { try store.allTakes() } throws: { e in
            if case StoreError.corrupt = e { return true } else { return false }
        }
    }

    @Test func testDamagedCheckpointIsPassedOverForAnEarlierOne() throws {
        let dir = TempDir()
        let path = dir.file("cp.kino")
        let p = try sampleProject()
        let store = try ProjectStore.create(at: path, project: p)
        defer { try? store.close() }
        let id = TakeID(raw: "tk1")
        try store.saveTake(take("tk1", shot: p.shots[0].id), recipe: "{}", checkpoints: [
            StoredCheckpoint(takeID: id, frame: 0, engine: "e", state: Data("{\"t\":0}".utf8)),
            StoredCheckpoint(takeID: id, frame: 24, engine: "e", state: Data("{\"t\":24}".utf8)),
        ], thumbnails: [])
        #expect(try store.checkpoint(take: id, atOrBefore: 30)?.frame == 24)
        // One flipped digit in the state.
        try store.db.writeWithoutTransaction { try $0.execute(sql: "UPDATE checkpoint SET state = CAST('{\"t\":25}' AS BLOB) WHERE frame = 24") }
        let c = try store.checkpoint(take: id, atOrBefore: 30)
        #expect(c?.frame == 0)
        #expect(c?.state == Data("{\"t\":0}".utf8))
    }

    @Test func testTakeLeftRenderingByADeadProcessIsInterrupted() throws {
        let dir = TempDir()
        let path = dir.file("i.kino")
        let p = try sampleProject()
        let store = try ProjectStore.create(at: path, project: p)
        defer { try? store.close() }
        try store.saveTake(take("tk1", shot: p.shots[0].id, status: .rendering), recipe: "{}", checkpoints: [], thumbnails: [])
        try store.saveTake(take("tk2", shot: p.shots[0].id, status: .rendering), recipe: "{}", checkpoints: [], thumbnails: [])
        // tk1's owner is gone; tk2's owner is this (live) process.
        try store.db.writeWithoutTransaction { try $0.execute(sql: "UPDATE take SET owner_pid = ? WHERE id = 'tk1'", arguments: [try deadPID()]) }
        #expect(try store.settleInterruptedTakes() == [TakeID(raw: "tk1")])
        #expect(try store.take("tk1")?.take.status == .interrupted)
        #expect(try store.take("tk2")?.take.status == .rendering)
        #expect(try store.settleInterruptedTakes().isEmpty)
    }

    @Test func testAbandonedCreationOfADeadProcessIsRemoved() throws {
        let dir = TempDir()
        let dead = dir.file(".n.kino.creating-\(try deadPID())")
        let live = dir.file(".n.kino.creating-1")
        for f in [dead, dead + "-wal", live] { FileManager.default.createFile(atPath: f, contents: Data("x".utf8)) }
        try ProjectStore.create(at: dir.file("n.kino"), project: try sampleProject()).close()
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(!FileManager.default.fileExists(atPath: dead + "-wal"))
        #expect(FileManager.default.fileExists(atPath: live))
    }
}
