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
            let rate = try FrameRate(Rational(p["fps_num"], p["fps_den"]))
            let settings = ProjectSettings(name: p["name"], frameRate: rate,
                                           resolution: try Resolution(width: p["width"], height: p["height"]))
            var project = Project(settings: settings, nextIDNumber: p["next_id"])
            project.lightingSetups = try Row.fetchAll(db, sql: "SELECT * FROM lighting ORDER BY position").map { r in
                LightingSetup(id: LightingID(raw: r["id"]), name: r["name"], keyAzimuth: r["key_azimuth"],
                              keyElevation: r["key_elevation"], colorTemperature: r["color_temperature"],
                              intensity: r["intensity"], ambient: r["ambient"],
                              timeOfDay: try decodeEnum(r["time_of_day"]), weather: try decodeEnum(r["weather"]))
            }
            project.scenes = try Row.fetchAll(db, sql: "SELECT * FROM scene ORDER BY position").map { r in
                Scene(id: SceneID(raw: r["id"]), name: r["name"], environment: r["environment"],
                      lightingID: (r["lighting_id"] as String?).map(LightingID.init(raw:)))
            }
            project.characters = try Row.fetchAll(db, sql: "SELECT * FROM character ORDER BY position").map { r in
                Character(id: CharacterID(raw: r["id"]), name: r["name"], description: r["description"],
                          reference: try (r["reference"] as String?).map { try JournalCoding.decodeValue(MediaReference.self, $0) },
                          appearance: try JournalCoding.decodeValue(Appearance.self, r["appearance"]))
            }
            project.shots = try Row.fetchAll(db, sql: "SELECT * FROM shot ORDER BY position").map(shot(from:))
            project.markers = try Row.fetchAll(db, sql: "SELECT * FROM marker ORDER BY position").map { r in
                Marker(id: MarkerID(raw: r["id"]), frame: r["frame"], label: r["label"])
            }
            return project
        } catch let e as DecodingError {
            throw StoreError.corrupt(path, detail: "unreadable value: \(e.localizedDescription)")
        } catch let e as ValidationError {
            throw StoreError.corrupt(path, detail: e.localizedDescription)
        }
    }

    static func shot(from r: Row) throws -> Shot {
        Shot(id: ShotID(raw: r["id"]), sceneID: SceneID(raw: r["scene_id"]), name: r["name"], prompt: r["prompt"],
             duration: r["duration"], seed: UInt64(bitPattern: r["seed"]),
             cast: try JournalCoding.decodeValue([CastMember].self, r["cast_json"]),
             camera: try JournalCoding.decodeValue(CameraPath.self, r["camera"]),
             cameraPreset: try (r["camera_preset"] as String?).map { try decodeEnum($0) },
             cameraIsExplicit: r["camera_explicit"],
             startImage: try (r["start_image"] as String?).map { try JournalCoding.decodeValue(MediaReference.self, $0) },
             sourceVideo: try (r["source_video"] as String?).map { try JournalCoding.decodeValue(VideoSource.self, $0) },
             lightingID: (r["lighting_id"] as String?).map(LightingID.init(raw:)),
             currentTakeID: (r["current_take_id"] as String?).map(TakeID.init(raw:)))
    }

    static func decodeEnum<E: RawRepresentable>(_ raw: String) throws -> E where E.RawValue == String {
        guard let v = E(rawValue: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown value '\(raw)' for \(E.self)"))
        }
        return v
    }
}
