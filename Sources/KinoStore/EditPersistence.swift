import Foundation
import GRDB
import KinoCore

/// Turns an Edit into the row changes that make the tables match the edited project.
/// Positions are kept dense (0…n-1) per table so that ORDER BY position is timeline order.
enum EditPersistence {
    static func persist(_ edit: Edit, in db: Database) throws {
        switch edit {
        case .updateSettings(_, let s):
            try db.cachedStatement(sql: "UPDATE project SET name = ?, fps_num = ?, fps_den = ?, width = ?, height = ?")
                .execute(arguments: [s.name, s.frameRate.perSecond.numerator, s.frameRate.perSecond.denominator,
                                     s.resolution.width, s.resolution.height])
        case .insertScene(let s, let i):
            try shiftPositions(db, table: "scene", from: i, by: 1)
            try insertScene(db, s, at: i)
        case .deleteScene(let s, let i):
            try db.cachedStatement(sql: "DELETE FROM scene WHERE id = ?").execute(arguments: [s.id.raw])
            try shiftPositions(db, table: "scene", from: i + 1, by: -1)
        case .updateScene(_, let s):
            try db.cachedStatement(sql: "UPDATE scene SET name = ?, environment = ?, lighting_id = ? WHERE id = ?")
                .execute(arguments: [s.name, s.environment, s.lightingID?.raw, s.id.raw])
        case .insertShot(let s, let i):
            try shiftPositions(db, table: "shot", from: i, by: 1)
            try insertShot(db, s, at: i)
        case .deleteShot(let s, let i):
            try db.cachedStatement(sql: "DELETE FROM shot WHERE id = ?").execute(arguments: [s.id.raw])
            try shiftPositions(db, table: "shot", from: i + 1, by: -1)
        case .moveShot(let id, let from, let to):
            if from < to {
                try db.cachedStatement(sql: "UPDATE shot SET position = position - 1 WHERE position > ? AND position <= ?")
                    .execute(arguments: [from, to])
            } else if from > to {
                try db.cachedStatement(sql: "UPDATE shot SET position = position + 1 WHERE position >= ? AND position < ?")
                    .execute(arguments: [to, from])
            }
            try db.cachedStatement(sql: "UPDATE shot SET position = ? WHERE id = ?").execute(arguments: [to, id.raw])
        case .updateShot(let old, let s):
            try ShotRow.update(db, old: old, new: s)
        case .insertCharacter(let c, let i):
            try shiftPositions(db, table: "character", from: i, by: 1)
            try insertCharacter(db, c, at: i)
        case .deleteCharacter(let c, let i):
            try db.cachedStatement(sql: "DELETE FROM character WHERE id = ?").execute(arguments: [c.id.raw])
            try shiftPositions(db, table: "character", from: i + 1, by: -1)
        case .updateCharacter(_, let c):
            try db.cachedStatement(sql: "UPDATE character SET name = ?, description = ?, reference = ?, appearance = ? WHERE id = ?")
                .execute(arguments: [c.name, c.description, try c.reference.map(JournalCoding.encodeValue),
                                     try JournalCoding.encodeValue(c.appearance), c.id.raw])
        case .insertLighting(let l, let i):
            try shiftPositions(db, table: "lighting", from: i, by: 1)
            try insertLighting(db, l, at: i)
        case .deleteLighting(let l, let i):
            try db.cachedStatement(sql: "DELETE FROM lighting WHERE id = ?").execute(arguments: [l.id.raw])
            try shiftPositions(db, table: "lighting", from: i + 1, by: -1)
        case .updateLighting(_, let l):
            try db.cachedStatement(sql: """
                UPDATE lighting SET name = ?, key_azimuth = ?, key_elevation = ?, color_temperature = ?, intensity = ?,
                ambient = ?, time_of_day = ?, weather = ? WHERE id = ?
                """).execute(arguments: [l.name, l.keyAzimuth, l.keyElevation, l.colorTemperature, l.intensity,
                                         l.ambient, l.timeOfDay.rawValue, l.weather.rawValue, l.id.raw])
        case .insertMarker(let m, let i):
            try shiftPositions(db, table: "marker", from: i, by: 1)
            try insertMarker(db, m, at: i)
        case .deleteMarker(let m, let i):
            try db.cachedStatement(sql: "DELETE FROM marker WHERE id = ?").execute(arguments: [m.id.raw])
            try shiftPositions(db, table: "marker", from: i + 1, by: -1)
        case .advanceIDs(_, let to):
            try db.cachedStatement(sql: "UPDATE project SET next_id = ?").execute(arguments: [to])
        case .audio(let a):
            try AudioPersistence.persist(a, in: db)
        case .group(_, let edits):
            for e in edits { try persist(e, in: db) }
        }
    }

    static func shiftPositions(_ db: Database, table: String, from: Int, by delta: Int) throws {
        try db.cachedStatement(sql: "UPDATE \(table) SET position = position + ? WHERE position >= ?")
            .execute(arguments: [delta, from])
    }

    static func insertProjectRow(_ db: Database, project p: Project) throws {
        try db.execute(sql: "INSERT INTO project (id, name, fps_num, fps_den, width, height, next_id) VALUES (1, ?, ?, ?, ?, ?, ?)",
                       arguments: [p.settings.name, p.frameRate.perSecond.numerator, p.frameRate.perSecond.denominator,
                                   p.settings.resolution.width, p.settings.resolution.height, p.nextIDNumber])
    }

    static func insertScene(_ db: Database, _ s: Scene, at i: Int) throws {
        try db.cachedStatement(sql: "INSERT INTO scene (id, position, name, environment, lighting_id) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [s.id.raw, i, s.name, s.environment, s.lightingID?.raw])
    }

    static func insertShot(_ db: Database, _ s: Shot, at i: Int) throws { try ShotRow.insert(db, s, at: i) }

    static func insertCharacter(_ db: Database, _ c: Character, at i: Int) throws {
        try db.cachedStatement(sql: "INSERT INTO character (id, position, name, description, reference, appearance) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [c.id.raw, i, c.name, c.description, try c.reference.map(JournalCoding.encodeValue),
                                 try JournalCoding.encodeValue(c.appearance)])
    }

    static func insertLighting(_ db: Database, _ l: LightingSetup, at i: Int) throws {
        try db.cachedStatement(sql: """
            INSERT INTO lighting (id, position, name, key_azimuth, key_elevation, color_temperature, intensity, ambient,
            time_of_day, weather) VALUES (?,?,?,?,?,?,?,?,?,?)
            """).execute(arguments: [l.id.raw, i, l.name, l.keyAzimuth, l.keyElevation, l.colorTemperature,
                                     l.intensity, l.ambient, l.timeOfDay.rawValue, l.weather.rawValue])
    }

    static func insertMarker(_ db: Database, _ m: Marker, at i: Int) throws {
        try db.cachedStatement(sql: "INSERT INTO marker (id, position, frame, label) VALUES (?, ?, ?, ?)")
            .execute(arguments: [m.id.raw, i, m.frame, m.label])
    }
}
