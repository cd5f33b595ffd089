import Foundation
import GRDB
import KinoCore
import Testing
@testable import KinoStore

@Suite struct AudioStoreTests {
    /// The sample project with a music clip, a voice line, a muted lane and stronger ducking.
    func projectWithSound() throws -> Project {
        var p = try sampleProject()
        let (a, id) = try p.addingAudioClip(lane: .music) {
            AudioClip(id: $0, name: "bed", source: .musicBed(seed: 7), sourceSamples: 96_000, start: 12, inSample: 10, gainDB: -9.5, fadeIn: 4_800)
        }
        try p.apply(a)
        let (v, _) = try p.addingAudioClip(lane: .voice) {
            AudioClip(id: $0, source: .voice(VoiceLine(text: "Meet Kino.", voice: "en-us", rate: 150, pitch: 40)), sourceSamples: 40_000, start: 0)
        }
        try p.apply(v)
        try p.apply(try p.updatingAudioLane(.effects) { $0.mute = true })
        try p.apply(try p.updatingDucking { $0.amountDB = 15 })
        try p.apply(try p.updatingAudioClip(id) { $0.fadeOut = 2_400 })
        return p
    }

    @Test func testANewFileHoldsTheWholeAudioTimeline() throws {
        let dir = TempDir()
        let p = try projectWithSound()
        let store = try ProjectStore.create(at: dir.file("a.kino"), project: p)
        try store.close()
        let again = try ProjectStore.open(at: dir.file("a.kino"))
        #expect(try again.loadProject() == p)
    }

    @Test func testAudioEditsAreJournaledAndUndoneAcrossReopening() throws {
        let dir = TempDir()
        let base = try sampleProject()
        let target = try projectWithSound()
        var p = base
        let store = try ProjectStore.create(at: dir.file("a.kino"), project: base)
        // Replay the same edits through the store.
        var edits: [Edit] = []
        let (a, id) = try p.addingAudioClip(lane: .music) {
            AudioClip(id: $0, name: "bed", source: .musicBed(seed: 7), sourceSamples: 96_000, start: 12, inSample: 10, gainDB: -9.5, fadeIn: 4_800)
        }
        edits.append(a); try p.apply(a)
        let (v, _) = try p.addingAudioClip(lane: .voice) {
            AudioClip(id: $0, source: .voice(VoiceLine(text: "Meet Kino.", voice: "en-us", rate: 150, pitch: 40)), sourceSamples: 40_000, start: 0)
        }
        edits.append(v); try p.apply(v)
        for e in [try p.updatingAudioLane(.effects) { $0.mute = true }] { edits.append(e); try p.apply(e) }
        for e in [try p.updatingDucking { $0.amountDB = 15 }] { edits.append(e); try p.apply(e) }
        for e in [try p.updatingAudioClip(id) { $0.fadeOut = 2_400 }] { edits.append(e); try p.apply(e) }
        #expect(p == target)
        var replay = base
        for e in edits { try replay.apply(e); try store.write { try $0.record(e) } }
        try store.close()

        let reopened = try ProjectStore.open(at: dir.file("a.kino"))
        var now = try reopened.loadProject()
        #expect(now == target)
        // Undo all of it through the journal, reopen, and the file is the sample project again.
        while let (seq, e) = try reopened.read({ [now] in try $0.lastDone(current: now) }) {
            now = try now.applying(e.inverse)
            try reopened.write { try $0.markJournal(seq: seq, applying: e.inverse, newState: .undone) }
        }
        #expect(now == base)
        try reopened.close()
        #expect(try ProjectStore.open(at: dir.file("a.kino")).loadProject() == base)
    }

    @Test func testAVersion1FileGainsTheAudioTablesWhenOpened() throws {
        let dir = TempDir()
        let p = try sampleProject()
        try ProjectStore.create(at: dir.file("old.kino"), project: p).close()
        // Make the file what the first Kino wrote: no audio tables, schema version 1.
        let q = try DatabaseQueue(path: dir.file("old.kino"))
        try q.write { db in
            try db.execute(sql: """
                DROP TABLE audio_clip; DROP TABLE audio_lane; DROP TABLE audio_ducking;
                DELETE FROM grdb_migrations WHERE identifier = 'v2-audio'; PRAGMA user_version = 1;
                """)
        }
        try q.close()
        let store = try ProjectStore.open(at: dir.file("old.kino"))
        let loaded = try store.loadProject()
        #expect(loaded == p)
        #expect(loaded.audio == AudioTimeline())
        #expect(try store.integrityCheck() == "ok")
    }
}
