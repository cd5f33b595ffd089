import Foundation
import GRDB
import KinoCore
import Testing
@testable import KinoStore

@Suite struct ProjectStoreTests {
    @Test func testCreateThenLoadGivesTheSameProject() throws {
        let dir = TempDir()
        let p = try sampleProject()
        let store = try ProjectStore.create(at: dir.file("a.kino"), project: p)
        #expect(try store.loadProject() == p)
        try store.close()
        let again = try ProjectStore.open(at: dir.file("a.kino"))
        #expect(try again.loadProject() == p)
    }

    @Test func testFileCarriesKinoApplicationIDAndWAL() throws {
        let dir = TempDir()
        let store = try ProjectStore.create(at: dir.file("a.kino"), project: try sampleProject())
        try store.close()
        let q = try DatabaseQueue(path: dir.file("a.kino"))
        let (app, mode, version) = try q.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id"), try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try Int.fetchOne(db, sql: "PRAGMA user_version"))
        }
        #expect(app == 0x4B49_4E4F)
        #expect(mode == "wal")
        #expect(version == Schema.version)
    }

    @Test func testCreateRefusesToOverwrite() throws {
        let dir = TempDir()
        _ = FileManager.default.createFile(atPath: dir.file("x.kino"), contents: Data("keep me".utf8))
        #expect(throws: StoreError.alreadyExists(dir.file("x.kino"))) {
            try ProjectStore.create(at: dir.file("x.kino"), project: try sampleProject())
        }
        #expect(fileBytes(dir.file("x.kino")) == Data("keep me".utf8))
    }

    @Test func testEditsAndJournalSurviveReopening() throws {
        let dir = TempDir()
        var p = try sampleProject()
        let store = try ProjectStore.create(at: dir.file("a.kino"), project: p)
        let edit = try p.updatingShot(p.shots[0].id) { $0.prompt = "changed" }
        try p.apply(edit)
        try store.write { try $0.record(edit) }
        let move = try p.movingShot(p.shots[0].id, to: 1)
        try p.apply(move)
        try store.write { try $0.record(move) }
        try store.close()
        let reopened = try ProjectStore.open(at: dir.file("a.kino"))
        #expect(try reopened.loadProject() == p)
        let last = try #require(try reopened.read { try $0.lastDone(current: p) })
        #expect(last.edit == move)
        #expect(try reopened.journalCounts().done == 2)
    }

    @Test func testNotSQLiteIsRefusedAndUntouched() throws {
        let dir = TempDir()
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        png.append(Data(repeating: 7, count: 500))
        _ = FileManager.default.createFile(atPath: dir.file("pic.kino"), contents: png)
        #expect(throws: StoreError.notSQLite(dir.file("pic.kino"))) { try ProjectStore.open(at: dir.file("pic.kino")) }
        #expect(fileBytes(dir.file("pic.kino")) == png)
    }

    @Test func testEmptyFileIsRefused() throws {
        let dir = TempDir()
        _ = FileManager.default.createFile(atPath: dir.file("e.kino"), contents: Data())
        #expect(throws: StoreError.notSQLite(dir.file("e.kino"))) { try ProjectStore.open(at: dir.file("e.kino")) }
    }

    @Test func testForeignSQLiteDatabaseIsRefusedAndUntouched() throws {
        let dir = TempDir()
        let q = try DatabaseQueue(path: dir.file("other.kino"))
        try q.write { try $0.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        try q.close()
        let before = fileBytes(dir.file("other.kino"))
        #expect(throws: StoreError.foreignDatabase(dir.file("other.kino"))) { try ProjectStore.open(at: dir.file("other.kino")) }
        #expect(fileBytes(dir.file("other.kino")) == before)
        #expect(!FileManager.default.fileExists(atPath: dir.file("other.kino-wal")))
    }

    @Test func testTruncatedFileIsRefusedAndUntouched() throws {
        let dir = TempDir()
        let store = try ProjectStore.create(at: dir.file("t.kino"), project: try sampleProject())
        try store.close()
        let full = fileBytes(dir.file("t.kino"))
        let cut = full.prefix(full.count / 2 + 100)
        _ = FileManager.default.createFile(atPath: dir.file("t.kino"), contents: Data(cut))
        #expect {
            try ProjectStore.open(at: dir.file("t.kino"))
        } throws: { error in
            if case StoreError.truncated = error { return true }
            return false
        }
        #expect(fileBytes(dir.file("t.kino")) == Data(cut))
    }

    @Test func testNewerSchemaVersionIsRefusedAndUntouched() throws {
        let dir = TempDir()
        let store = try ProjectStore.create(at: dir.file("n.kino"), project: try sampleProject())
        try store.close()
        let q = try DatabaseQueue(path: dir.file("n.kino"))
        try q.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 7") }
        try q.close()
        let before = fileBytes(dir.file("n.kino"))
        #expect {
            try ProjectStore.open(at: dir.file("n.kino"))
        } throws: { error in
            if case StoreError.newerSchema = error { return true }
            return false
        }
        #expect(fileBytes(dir.file("n.kino")) == before)
    }

    @Test func testUnknownMigrationIsRefusedAsNewer() throws {
        let dir = TempDir()
        let store = try ProjectStore.create(at: dir.file("m.kino"), project: try sampleProject())
        try store.close()
        let q = try DatabaseQueue(path: dir.file("m.kino"))
        try q.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')") }
        try q.close()
        #expect {
            try ProjectStore.open(at: dir.file("m.kino"))
        } throws: { error in
            (error as? StoreError)?.errorDescription?.contains("v9-future") == true
        }
    }

    @Test func testCorruptPagesAreRefusedWithoutWriting() throws {
        let dir = TempDir()
        var p = try sampleProject()
        for i in 0..<200 {
            let e = try p.updatingShot(p.shots[0].id) { $0.prompt = String(repeating: "long prompt \(i) ", count: 20) }
            try p.apply(e)
        }
        let store = try ProjectStore.create(at: dir.file("c.kino"), project: p)
        try store.close()
        var bytes = [UInt8](fileBytes(dir.file("c.kino")))
        // Scribble over every page but the header page.
        for i in stride(from: 4096, to: bytes.count, by: 97) { bytes[i] = UInt8(truncatingIfNeeded: i * 31) }
        _ = FileManager.default.createFile(atPath: dir.file("c.kino"), contents: Data(bytes))
        #expect(throws: (any Error).self) { try ProjectStore.open(at: dir.file("c.kino")).loadProject() }
        #expect([UInt8](fileBytes(dir.file("c.kino"))) == bytes)
    }

    @Test func testMissingFileSaysHowToCreateOne() {
        #expect {
            try ProjectStore.open(at: "/nonexistent/dir/p.kino")
        } throws: { error in
            (error as? StoreError)?.errorDescription?.contains("kino new") == true
        }
    }

    @Test func testOpeningUnchangedFileDoesNotChangeItsBytes() throws {
        let dir = TempDir()
        try ProjectStore.create(at: dir.file("s.kino"), project: try sampleProject()).close()
        let before = fileBytes(dir.file("s.kino"))
        let s = try ProjectStore.open(at: dir.file("s.kino"))
        _ = try s.loadProject()
        try s.close()
        #expect(fileBytes(dir.file("s.kino")) == before)
    }

    @Test func testTakesCheckpointsAndThumbnailsRoundTrip() throws {
        let dir = TempDir()
        let p = try sampleProject()
        let store = try ProjectStore.create(at: dir.file("k.kino"), project: p)
        let id = try store.allocateTakeID()
        #expect(try store.allocateTakeID() != id)
        let take = Take(id: id, shotID: p.shots[0].id, seed: 5, inputHash: "abc", lineage: .refined(from: "tk9", atFrame: 12),
                        status: .complete, engine: "procedural/1.0", frameCount: 48, prompt: "x", createdAt: 1)
        try store.saveTake(take, recipe: "{}", checkpoints: [
            StoredCheckpoint(takeID: id, frame: 0, engine: "procedural/1.0", state: Data([1, 2])),
            StoredCheckpoint(takeID: id, frame: 24, engine: "procedural/1.0", state: Data([3]))],
            thumbnails: [StoredThumbnail(takeID: id, frame: 0, width: 2, height: 2, png: Data([9]))])
        #expect(try store.takes(of: p.shots[0].id) == [take])
        #expect(try store.checkpoint(take: id, atOrBefore: 30)?.frame == 24)
        #expect(try store.checkpoint(take: id, atOrBefore: 23)?.state == Data([1, 2]))
        #expect(try store.thumbnails(take: id).count == 1)
    }
}
