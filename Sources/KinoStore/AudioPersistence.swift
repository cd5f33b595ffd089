import Foundation
import GRDB
import KinoCore

/// The sound tables: the `v2-audio` migration, the rows an AudioEdit changes, and reading
/// them back. Clip positions are dense per lane, like every other ordered table.
enum AudioPersistence {
    static func registerMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("v2-audio") { db in
            try db.execute(sql: """
            CREATE TABLE audio_lane (
              kind TEXT PRIMARY KEY CHECK (kind IN ('voice', 'music', 'effects', 'picture')),
              position INTEGER NOT NULL, gain_db REAL NOT NULL, mute INTEGER NOT NULL, solo INTEGER NOT NULL);
            CREATE TABLE audio_clip (
              id TEXT PRIMARY KEY, lane TEXT NOT NULL REFERENCES audio_lane(kind), position INTEGER NOT NULL,
              name TEXT NOT NULL, source TEXT NOT NULL, source_samples INTEGER NOT NULL, start_frame INTEGER NOT NULL,
              in_sample INTEGER NOT NULL, out_sample INTEGER NOT NULL, gain_db REAL NOT NULL,
              fade_in INTEGER NOT NULL, fade_out INTEGER NOT NULL);
            CREATE INDEX audio_clip_lane ON audio_clip(lane, position);
            CREATE TABLE audio_ducking (
              id INTEGER PRIMARY KEY CHECK (id = 1), enabled INTEGER NOT NULL, amount_db REAL NOT NULL,
              attack_ms REAL NOT NULL, release_ms REAL NOT NULL);
            """)
            let timeline = AudioTimeline()
            for (i, l) in timeline.lanes.enumerated() {
                try db.execute(sql: "INSERT INTO audio_lane (kind, position, gain_db, mute, solo) VALUES (?, ?, ?, ?, ?)",
                               arguments: [l.kind.rawValue, i, l.gainDB, l.mute, l.solo])
            }
            let d = timeline.ducking
            try db.execute(sql: "INSERT INTO audio_ducking VALUES (1, ?, ?, ?, ?)",
                           arguments: [d.enabled, d.amountDB, d.attackMs, d.releaseMs])
        }
    }

    static func persist(_ edit: AudioEdit, in db: Database) throws {
        switch edit {
        case .insertClip(let c, let lane, let i):
            try db.cachedStatement(sql: "UPDATE audio_clip SET position = position + 1 WHERE lane = ? AND position >= ?")
                .execute(arguments: [lane.rawValue, i])
            try insertClip(db, c, lane: lane, at: i)
        case .deleteClip(let c, let lane, let i):
            try db.cachedStatement(sql: "DELETE FROM audio_clip WHERE id = ?").execute(arguments: [c.id.raw])
            try db.cachedStatement(sql: "UPDATE audio_clip SET position = position - 1 WHERE lane = ? AND position > ?")
                .execute(arguments: [lane.rawValue, i])
        case .updateClip(_, let c):
            try db.cachedStatement(sql: """
                UPDATE audio_clip SET name = ?, source = ?, source_samples = ?, start_frame = ?, in_sample = ?,
                out_sample = ?, gain_db = ?, fade_in = ?, fade_out = ? WHERE id = ?
                """).execute(arguments: clipArguments(c) + [c.id.raw])
        case .updateLane(_, let l):
            try db.cachedStatement(sql: "UPDATE audio_lane SET gain_db = ?, mute = ?, solo = ? WHERE kind = ?")
                .execute(arguments: [l.gainDB, l.mute, l.solo, l.kind.rawValue])
        case .updateDucking(_, let d):
            try db.cachedStatement(sql: "UPDATE audio_ducking SET enabled = ?, amount_db = ?, attack_ms = ?, release_ms = ? WHERE id = 1")
                .execute(arguments: [d.enabled, d.amountDB, d.attackMs, d.releaseMs])
        }
    }

    static func clipArguments(_ c: AudioClip) throws -> StatementArguments {
        [c.name, try JournalCoding.encodeValue(c.source), c.sourceSamples, c.start, c.inSample, c.outSample,
         c.gainDB, c.fadeIn, c.fadeOut]
    }

    static func insertClip(_ db: Database, _ c: AudioClip, lane: AudioLaneKind, at i: Int) throws {
        try db.cachedStatement(sql: """
            INSERT INTO audio_clip (name, source, source_samples, start_frame, in_sample, out_sample, gain_db, fade_in,
            fade_out, id, lane, position) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
            """).execute(arguments: try clipArguments(c) + [c.id.raw, lane.rawValue, i])
    }

    /// Writes a whole timeline into the (freshly migrated) tables of a new file.
    static func insertTimeline(_ db: Database, _ t: AudioTimeline) throws {
        for l in t.lanes { try persist(.updateLane(old: l, new: l), in: db) }
        try persist(.updateDucking(old: t.ducking, new: t.ducking), in: db)
        for lane in AudioLaneKind.allCases {
            for (i, c) in t.clips(in: lane).enumerated() { try insertClip(db, c, lane: lane, at: i) }
        }
    }

    static func load(_ db: Database) throws -> AudioTimeline {
        var t = AudioTimeline()
        t.lanes = try Row.fetchAll(db, sql: "SELECT * FROM audio_lane ORDER BY position").map { r in
            AudioLaneSettings(kind: try ProjectLoader.decodeEnum(try r.decode(forColumn: "kind")), gainDB: try r.decode(forColumn: "gain_db"),
                              mute: try r.decode(forColumn: "mute"), solo: try r.decode(forColumn: "solo"))
        }
        if let d = try Row.fetchOne(db, sql: "SELECT * FROM audio_ducking WHERE id = 1") {
            t.ducking = Ducking(enabled: try d.decode(forColumn: "enabled"), amountDB: try d.decode(forColumn: "amount_db"),
                                attackMs: try d.decode(forColumn: "attack_ms"), releaseMs: try d.decode(forColumn: "release_ms"))
        }
        for r in try Row.fetchAll(db, sql: "SELECT * FROM audio_clip ORDER BY lane, position") {
            let lane: AudioLaneKind = try ProjectLoader.decodeEnum(try r.decode(forColumn: "lane"))
            let clip = AudioClip(id: AudioClipID(raw: try r.decode(forColumn: "id")), name: try r.decode(forColumn: "name"),
                                 source: try JournalCoding.decodeValue(AudioSource.self, try r.decode(forColumn: "source")),
                                 sourceSamples: try r.decode(forColumn: "source_samples"), start: try r.decode(forColumn: "start_frame"),
                                 inSample: try r.decode(forColumn: "in_sample"), outSample: try r.decode(forColumn: "out_sample"),
                                 gainDB: try r.decode(forColumn: "gain_db"), fadeIn: try r.decode(forColumn: "fade_in"),
                                 fadeOut: try r.decode(forColumn: "fade_out"))
            t.clips[lane, default: []].append(clip)
        }
        return t
    }
}
