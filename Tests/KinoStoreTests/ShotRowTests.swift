import Foundation
import GRDB
import Testing
import KinoCore
@testable import KinoStore

/// The project file as made by Kino before migration v3-camera-keys (and v2-audio) (camera keys as JSON text): made with
/// `kino new/lighting add/scene add/character add/shot add --camera orbit|dolly/render`, then
/// checkpoints and thumbnails deleted and VACUUMed to keep it small.
let v1Fixture: String = {
    var url = URL(fileURLWithPath: #filePath)
    while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Tests/Fixtures/v1-orbit.kino").path
}()

@Suite struct ShotRowTests {
    /// Scenes sc1 and sc2, lighting lt1, character ch1, and shot sh5 with plain values.
    func project() throws -> Project {
        var p = Project(settings: ProjectSettings(name: "rows"))
        p.lightingSetups = [LightingSetup(id: "lt1", name: "key")]
        p.scenes = [Scene(id: "sc1", name: "one"), Scene(id: "sc2", name: "two", lightingID: "lt1")]
        let look = Appearance(skin: RGB(1, 2, 3), hair: RGB(4, 5, 6), top: RGB(7, 8, 9), bottom: RGB(1, 1, 1),
                              height: 1.8, build: .slim, hairStyle: .long, faceSeed: 1)
        p.characters = [Character(id: "ch1", name: "Ana", description: "a woman", appearance: look)]
        p.shots = [Shot(id: "sh5", sceneID: "sc1", name: "A", prompt: "a car", duration: 24, seed: 1)]
        p.nextIDNumber = 10
        return p
    }

    /// Differs from sh5 in every field but the id, with references that exist.
    static let other = Shot(
        id: "sh5", sceneID: "sc2", name: "B", prompt: "Ana walks in the rain", duration: 48, seed: UInt64.max - 3,
        cast: [CastMember(characterID: "ch1", blocking: "left to right")],
        camera: CameraPath.preset(.orbit, frames: 48, frameRate: .fps24), cameraPreset: .orbit, cameraIsExplicit: true,
        startImage: MediaReference(path: "/tmp/start.png", contentHash: "ab12"),
        sourceVideo: VideoSource(media: MediaReference(path: "/tmp/clip.mp4", contentHash: "cd34"), inFrame: 3, outFrame: 40,
                                 clipFrameRate: Rational(30000, 1001)),
        lightingID: "lt1", currentTakeID: "tk3")

    /// Every field alone goes into the file, comes back on reopening, and its journal patch
    /// undoes and redoes it.
    @Test func everyFieldRoundTripsThroughTheFileAndTheJournal() throws {
        let dir = TempDir()
        var p = try project()
        let store = try ProjectStore.create(at: dir.file("rows.kino"), project: p)
        try store.close()
        for f in ShotField.all where f.role != .identity {
            let base = p.shots[0]
            var changed = base
            f.copy(Self.other, &changed)
            #expect(changed != base, "the sample does not change \(f.name)")
            let edit = Edit.updateShot(old: base, new: changed)
            let s = try ProjectStore.open(at: dir.file("rows.kino"))
            try s.write { try $0.record(edit) }
            p = try p.applying(edit)
            try s.close()

            let reopened = try ProjectStore.open(at: dir.file("rows.kino"))
            #expect(try reopened.loadProject() == p, "\(f.name) did not come back from column \(f.column)")
            let (seq, journaled) = try #require(try reopened.read { try $0.lastDone(current: p) })
            #expect(journaled == edit, "\(f.name) did not come back from the journal")
            try reopened.write { try $0.markJournal(seq: seq, applying: journaled.inverse, newState: .undone) }
            #expect(try reopened.loadProject() == (try p.applying(edit.inverse)))
            let undone = try p.applying(edit.inverse)
            let (redoSeq, redo) = try #require(try reopened.read { try $0.firstUndone(current: undone) })
            try reopened.write { try $0.markJournal(seq: redoSeq, applying: redo, newState: .done) }
            #expect(try reopened.loadProject() == p)
            try reopened.close()
        }
        #expect(p.shots[0] == Self.other)
    }

    @Test func aNewFileStoresCameraKeysAsBinary() throws {
        let dir = TempDir()
        var p = try project()
        p.shots[0] = Self.other
        try ProjectStore.create(at: dir.file("b.kino"), project: p).close()
        let q = try DatabaseQueue(path: dir.file("b.kino"))
        let (type, blob) = try q.read { db in
            (try String.fetchOne(db, sql: "SELECT typeof(camera) FROM shot"), try Data.fetchOne(db, sql: "SELECT camera FROM shot"))
        }
        try q.close()
        #expect(type == "blob")
        #expect(try CameraPath(binary: try #require(blob)) == Self.other.camera)
    }

    /// A version-1 file is migrated on opening: cameras become binary keys with the same
    /// values, everything else (journal, takes) reads as before, and a second open writes nothing.
    @Test func aVersion1FileIsMigratedToBinaryCameraKeys() throws {
        let dir = TempDir()
        let path = dir.file("old.kino")
        try FileManager.default.copyItem(atPath: v1Fixture, toPath: path)
        let q = try DatabaseQueue(path: path)
        let (oldCameras, version, journalRows) = try q.read { db in
            (try Row.fetchAll(db, sql: "SELECT id, camera FROM shot ORDER BY position").map { ($0["id"] as String, $0["camera"] as String) },
             try Int.fetchOne(db, sql: "PRAGMA user_version"), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal"))
        }
        try q.close()
        #expect(version == 1)
        #expect(oldCameras.count == 2)

        let store = try ProjectStore.open(at: path)
        let p = try store.loadProject()
        for (id, json) in oldCameras {
            #expect(p.shot(ShotID(raw: id))?.camera == (try FieldJSON.decode(CameraPath.self, json)))
        }
        #expect(p.shots.map(\.cameraPreset) == [.orbit, .dolly])
        #expect(try store.journalCounts().done == journalRows)
        let (_, last) = try #require(try store.read { try $0.lastDone(current: p) })
        #expect(last.label == "change take of shot sh4")
        #expect(try store.takes(of: "sh4").map(\.inputHash) == ["3ee7d7930fa5e67a"])
        try store.close()

        let check = try DatabaseQueue(path: path)
        let (types, newVersion, migrations) = try check.read { db in
            (try String.fetchAll(db, sql: "SELECT DISTINCT typeof(camera) FROM shot"), try Int.fetchOne(db, sql: "PRAGMA user_version"),
             try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"))
        }
        try check.close()
        #expect(types == ["blob"])
        #expect(newVersion == Schema.version)
        #expect(migrations == ["v1", "v2-audio", "v3-camera-keys", "v4-checksums"])

        let before = fileBytes(path)
        try ProjectStore.open(at: path).close()
        #expect(fileBytes(path) == before)
    }

    @Test func anUnreadableCameraStopsTheMigrationAndLeavesTheFileAsItWas() throws {
        let dir = TempDir()
        let path = dir.file("bad.kino")
        try FileManager.default.copyItem(atPath: v1Fixture, toPath: path)
        let q = try DatabaseQueue(path: path)
        try q.write { try $0.execute(sql: "UPDATE shot SET camera = '{\"roll\": 3}' WHERE id = 'sh5'") }
        try q.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try q.close()
        let before = fileBytes(path)
        do {
            _ = try ProjectStore.open(at: path)
            Issue.record("opened a file whose camera cannot be read")
        } catch let e as StoreError {
            #expect(e.localizedDescription.contains("sh5"), "\(e.localizedDescription)")
            guard case .corrupt = e else { Issue.record("not reported as corrupt: \(e)"); return }
        }
        #expect(fileBytes(path) == before)
    }
}
