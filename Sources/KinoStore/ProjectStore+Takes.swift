import Foundation
import GRDB
import KinoCore

/// A stored engine checkpoint (opaque state at one frame of a take).
public struct StoredCheckpoint: Sendable, Hashable {
    public var takeID: TakeID
    public var frame: Int
    public var engine: String
    public var state: Data
    public init(takeID: TakeID, frame: Int, engine: String, state: Data) {
        self.takeID = takeID; self.frame = frame; self.engine = engine; self.state = state
    }
}

/// A small PNG of one frame of a take, kept in the project file.
public struct StoredThumbnail: Sendable, Hashable {
    public var takeID: TakeID
    public var frame: Int
    public var width: Int
    public var height: Int
    public var png: Data
    public init(takeID: TakeID, frame: Int, width: Int, height: Int, png: Data) {
        self.takeID = takeID; self.frame = frame; self.width = width; self.height = height; self.png = png
    }
}

/// Takes are append-only records, not edits: generating never destroys a take, and which
/// take a shot uses is an ordinary (undoable) shot edit.
extension ProjectStore {
    /// Hands out the next take id.
    public func allocateTakeID() throws -> TakeID {
        try retryingWhenBusy {
            try db.write { db in
                let n = try Int.fetchOne(db, sql: "SELECT next FROM take_counter WHERE id = 1") ?? 1
                try db.execute(sql: "UPDATE take_counter SET next = ? WHERE id = 1", arguments: [n + 1])
                return TakeID(number: n)
            }
        }
    }

    /// Inserts or replaces a take with its recipe (how to regenerate it) and checkpoints, in one transaction.
    public func saveTake(_ t: Take, recipe: String, checkpoints: [StoredCheckpoint], thumbnails: [StoredThumbnail]) throws {
        try retryingWhenBusy {
            try db.write { db in
                try db.execute(sql: """
                    INSERT OR REPLACE INTO take (id, shot_id, seed, input_hash, lineage, status, engine, frame_count, prompt, recipe, created_at)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?)
                    """, arguments: [t.id.raw, t.shotID.raw, Int64(bitPattern: t.seed), t.inputHash,
                                     try JournalCoding.encodeValue(t.lineage), t.status.rawValue, t.engine,
                                     t.frameCount, t.prompt, recipe, t.createdAt])
                for c in checkpoints {
                    try db.execute(sql: "INSERT OR REPLACE INTO checkpoint (take_id, frame, engine, state) VALUES (?,?,?,?)",
                                   arguments: [c.takeID.raw, c.frame, c.engine, c.state])
                }
                for th in thumbnails {
                    try db.execute(sql: "INSERT OR REPLACE INTO thumbnail (take_id, frame, width, height, png) VALUES (?,?,?,?,?)",
                                   arguments: [th.takeID.raw, th.frame, th.width, th.height, th.png])
                }
            }
        }
    }

    public func takes(of shot: ShotID) throws -> [Take] {
        try mapped {
            try db.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM take WHERE shot_id = ? ORDER BY created_at, id", arguments: [shot.raw])
                    .map(take(from:)).sorted { $0.id < $1.id }
            }
        }
    }

    public func allTakes() throws -> [Take] {
        try mapped { try db.read { db in try Row.fetchAll(db, sql: "SELECT * FROM take").map(take(from:)) } }
    }

    public func take(_ id: TakeID) throws -> (take: Take, recipe: String)? {
        try mapped {
            try db.read { db in
                guard let r = try Row.fetchOne(db, sql: "SELECT * FROM take WHERE id = ?", arguments: [id.raw]) else { return nil }
                return (try take(from: r), (try r.decode(forColumn: "recipe")))
            }
        }
    }

    private func take(from r: Row) throws -> Take {
        Take(id: TakeID(raw: (try r.decode(forColumn: "id"))), shotID: ShotID(raw: (try r.decode(forColumn: "shot_id"))), seed: UInt64(bitPattern: (try r.decode(forColumn: "seed"))),
             inputHash: (try r.decode(forColumn: "input_hash")), lineage: try JournalCoding.decodeValue(TakeLineage.self, (try r.decode(forColumn: "lineage"))),
             status: TakeStatus(rawValue: (try r.decode(forColumn: "status"))) ?? .failed, engine: (try r.decode(forColumn: "engine")), frameCount: (try r.decode(forColumn: "frame_count")),
             prompt: (try r.decode(forColumn: "prompt")), createdAt: (try r.decode(forColumn: "created_at")))
    }

    /// The checkpoint of `take` at the greatest frame ≤ `frame`.
    public func checkpoint(take: TakeID, atOrBefore frame: Int) throws -> StoredCheckpoint? {
        try mapped {
            try db.read { db in
                guard let r = try Row.fetchOne(db, sql: "SELECT * FROM checkpoint WHERE take_id = ? AND frame <= ? ORDER BY frame DESC LIMIT 1",
                                               arguments: [take.raw, frame]) else { return nil }
                return StoredCheckpoint(takeID: take, frame: (try r.decode(forColumn: "frame")), engine: (try r.decode(forColumn: "engine")), state: (try r.decode(forColumn: "state")))
            }
        }
    }

    public func checkpointFrames(take: TakeID) throws -> [Int] {
        try mapped { try db.read { try Int.fetchAll($0, sql: "SELECT frame FROM checkpoint WHERE take_id = ? ORDER BY frame", arguments: [take.raw]) } }
    }

    public func thumbnails(take: TakeID) throws -> [StoredThumbnail] {
        try mapped {
            try db.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM thumbnail WHERE take_id = ? ORDER BY frame", arguments: [take.raw]).map {
                    StoredThumbnail(takeID: take, frame: (try $0.decode(forColumn: "frame")), width: (try $0.decode(forColumn: "width")), height: (try $0.decode(forColumn: "height")), png: (try $0.decode(forColumn: "png")))
                }
            }
        }
    }
}
