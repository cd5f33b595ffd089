import Foundation
import GRDB
import KinoCore

/// Reads the tables back into a Project value.
enum ProjectLoader {
    static func load(_ db: Database, path: String) throws -> Project {
        guard let p = try Row.fetchOne(db, sql: "SELECT * FROM project WHERE id = 1") else {
            throw StoreError.corrupt(path, detail: "the project row is missing")
        }
        do {
            let num: Int64 = try p.decode(forColumn: "fps_num"), den: Int64 = try p.decode(forColumn: "fps_den")
            guard den > 0 else { throw StoreError.corrupt(path, detail: "frame rate \(num)/\(den)") }
            let rate = try FrameRate(Rational(num, den))
            let settings = ProjectSettings(name: (try p.decode(forColumn: "name")), frameRate: rate,
                                           resolution: try Resolution(width: (try p.decode(forColumn: "width")), height: (try p.decode(forColumn: "height"))))
            var project = Project(settings: settings, nextIDNumber: (try p.decode(forColumn: "next_id")))
            project.lightingSetups = try Row.fetchAll(db, sql: "SELECT * FROM lighting ORDER BY position").map { r in
                LightingSetup(id: LightingID(raw: (try r.decode(forColumn: "id"))), name: (try r.decode(forColumn: "name")), keyAzimuth: (try r.decode(forColumn: "key_azimuth")),
                              keyElevation: (try r.decode(forColumn: "key_elevation")), colorTemperature: (try r.decode(forColumn: "color_temperature")),
                              intensity: (try r.decode(forColumn: "intensity")), ambient: (try r.decode(forColumn: "ambient")),
                              timeOfDay: try decodeEnum((try r.decode(forColumn: "time_of_day"))), weather: try decodeEnum((try r.decode(forColumn: "weather"))))
            }
            project.scenes = try Row.fetchAll(db, sql: "SELECT * FROM scene ORDER BY position").map { r in
                Scene(id: SceneID(raw: (try r.decode(forColumn: "id"))), name: (try r.decode(forColumn: "name")), environment: (try r.decode(forColumn: "environment")),
                      lightingID: (try r.decode(String?.self, forColumn: "lighting_id")).map(LightingID.init(raw:)))
            }
            project.characters = try Row.fetchAll(db, sql: "SELECT * FROM character ORDER BY position").map { r in
                Character(id: CharacterID(raw: (try r.decode(forColumn: "id"))), name: (try r.decode(forColumn: "name")), description: (try r.decode(forColumn: "description")),
                          reference: try (try r.decode(String?.self, forColumn: "reference")).map { try JournalCoding.decodeValue(MediaReference.self, $0) },
                          appearance: try JournalCoding.decodeValue(Appearance.self, (try r.decode(forColumn: "appearance"))))
            }
            project.shots = try ShotRow.loadAll(db)
            try checkReferences(project, path: path)
            project.markers = try Row.fetchAll(db, sql: "SELECT * FROM marker ORDER BY position").map { r in
                Marker(id: MarkerID(raw: (try r.decode(forColumn: "id"))), frame: (try r.decode(forColumn: "frame")), label: (try r.decode(forColumn: "label")))
            }
            project.audio = try AudioPersistence.load(db)
            return project
        } catch let e as RowDecodingError {
            // GRDB's message quotes the whole row; keep the sentence short.
            let text = "\(e)"
            var detail = String((text.components(separatedBy: " - ").first ?? "unreadable value").prefix(100))
            if let r = text.range(of: "column: \"") { detail += " in column " + text[r.upperBound...].prefix { $0 != "\"" } }
            throw StoreError.corrupt(path, detail: detail)
        } catch let e as DecodingError {
            throw StoreError.corrupt(path, detail: "unreadable value: \(e.localizedDescription)")
        } catch let e as ValidationError {
            throw StoreError.corrupt(path, detail: e.localizedDescription)
        } catch let e as FieldCodingError {
            throw StoreError.corrupt(path, detail: e.localizedDescription)
        } catch let e as CameraPathBinaryError {
            throw StoreError.corrupt(path, detail: e.localizedDescription)
        }
    }

    /// Values a valid edit could never have written: refused as corruption, not crashed on.
    static func checkReferences(_ p: Project, path: String) throws {
        let scenes = Set(p.scenes.map(\.id)), characters = Set(p.characters.map(\.id)), lights = Set(p.lightingSetups.map(\.id))
        let maxFrames = p.frameRate.frames(seconds: Limits.maxShotSeconds)
        for s in p.shots {
            guard (1...maxFrames).contains(s.duration) else { throw StoreError.corrupt(path, detail: "shot \(s.id) has a length of \(s.duration) frames") }
            guard scenes.contains(s.sceneID) else { throw StoreError.corrupt(path, detail: "shot \(s.id) is in a missing scene \(s.sceneID)") }
            for c in s.cast where !characters.contains(c.characterID) {
                throw StoreError.corrupt(path, detail: "shot \(s.id) casts a missing character \(c.characterID)")
            }
            if let l = s.lightingID, !lights.contains(l) { throw StoreError.corrupt(path, detail: "shot \(s.id) uses a missing lighting setup \(l)") }
        }
        for sc in p.scenes { if let l = sc.lightingID, !lights.contains(l) { throw StoreError.corrupt(path, detail: "scene \(sc.id) uses a missing lighting setup \(l)") } }
        guard Set(p.shots.map(\.id)).count == p.shots.count else { throw StoreError.corrupt(path, detail: "two shots share an id") }
    }

    static func decodeEnum<E: RawRepresentable>(_ raw: String) throws -> E where E.RawValue == String {
        guard let v = E(rawValue: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown value '\(raw)' for \(E.self)"))
        }
        return v
    }
}
