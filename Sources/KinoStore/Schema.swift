import Foundation
import GRDB
import KinoCore

/// The project file's schema, migrated forward by name. A file whose migrations include
/// one this build does not know comes from a newer Kino and is refused.
enum Schema {
    /// Also written to PRAGMA user_version, so tools other than GRDB can read it.
    static let version = 3

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
            CREATE TABLE project (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              name TEXT NOT NULL,
              fps_num INTEGER NOT NULL, fps_den INTEGER NOT NULL,
              width INTEGER NOT NULL, height INTEGER NOT NULL,
              next_id INTEGER NOT NULL);
            CREATE TABLE lighting (
              id TEXT PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL,
              key_azimuth REAL NOT NULL, key_elevation REAL NOT NULL, color_temperature REAL NOT NULL,
              intensity REAL NOT NULL, ambient REAL NOT NULL, time_of_day TEXT NOT NULL, weather TEXT NOT NULL);
            CREATE TABLE scene (
              id TEXT PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL, environment TEXT NOT NULL,
              lighting_id TEXT REFERENCES lighting(id) DEFERRABLE INITIALLY DEFERRED);
            CREATE TABLE character (
              id TEXT PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
              reference TEXT, appearance TEXT NOT NULL);
            CREATE TABLE shot (
              id TEXT PRIMARY KEY, position INTEGER NOT NULL,
              scene_id TEXT NOT NULL REFERENCES scene(id) DEFERRABLE INITIALLY DEFERRED,
              name TEXT NOT NULL, prompt TEXT NOT NULL, duration INTEGER NOT NULL, seed INTEGER NOT NULL,
              cast_json TEXT NOT NULL, camera TEXT NOT NULL, camera_preset TEXT, camera_explicit INTEGER NOT NULL,
              start_image TEXT, source_video TEXT,
              lighting_id TEXT REFERENCES lighting(id) DEFERRABLE INITIALLY DEFERRED,
              current_take_id TEXT);
            CREATE INDEX shot_position ON shot(position);
            CREATE TABLE marker (id TEXT PRIMARY KEY, position INTEGER NOT NULL, frame INTEGER NOT NULL, label TEXT NOT NULL);
            CREATE TABLE journal (
              seq INTEGER PRIMARY KEY AUTOINCREMENT, edit TEXT NOT NULL, label TEXT NOT NULL,
              state TEXT NOT NULL CHECK (state IN ('done', 'undone')), applied_at REAL NOT NULL);
            CREATE INDEX journal_state ON journal(state, seq);
            CREATE TABLE take (
              id TEXT PRIMARY KEY, shot_id TEXT NOT NULL, seed INTEGER NOT NULL, input_hash TEXT NOT NULL,
              lineage TEXT NOT NULL, status TEXT NOT NULL, engine TEXT NOT NULL, frame_count INTEGER NOT NULL,
              prompt TEXT NOT NULL, recipe TEXT NOT NULL, created_at REAL NOT NULL);
            CREATE INDEX take_shot ON take(shot_id);
            CREATE TABLE checkpoint (
              take_id TEXT NOT NULL REFERENCES take(id) ON DELETE CASCADE, frame INTEGER NOT NULL,
              engine TEXT NOT NULL, state BLOB NOT NULL, PRIMARY KEY (take_id, frame));
            CREATE TABLE thumbnail (
              take_id TEXT NOT NULL REFERENCES take(id) ON DELETE CASCADE, frame INTEGER NOT NULL,
              width INTEGER NOT NULL, height INTEGER NOT NULL, png BLOB NOT NULL, PRIMARY KEY (take_id, frame));
            CREATE TABLE take_counter (id INTEGER PRIMARY KEY CHECK (id = 1), next INTEGER NOT NULL);
            INSERT INTO take_counter VALUES (1, 1);
            """)
        }
        AudioPersistence.registerMigration(&m)
        m.registerMigration("v3-camera-keys") { db in try migrateCameraKeysToBinary(db) }
        return m
    }

    /// v3-camera-keys: camera paths as compact binary keys (a BLOB column) instead of JSON
    /// text, because decoding JSON was most of the time spent opening a long project. The shot table is
    /// rebuilt (SQLite's documented way to change a column's type), every row's camera
    /// converted. A camera that is not readable JSON is refused as corruption before any
    /// migration runs (`checkBeforeMigrating`), so such a file is left as it was.
    static func migrateCameraKeysToBinary(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE shot_v3 (
              id TEXT PRIMARY KEY, position INTEGER NOT NULL,
              scene_id TEXT NOT NULL REFERENCES scene(id) DEFERRABLE INITIALLY DEFERRED,
              name TEXT NOT NULL, prompt TEXT NOT NULL, duration INTEGER NOT NULL, seed INTEGER NOT NULL,
              cast_json TEXT NOT NULL, camera BLOB NOT NULL, camera_preset TEXT, camera_explicit INTEGER NOT NULL,
              start_image TEXT, source_video TEXT,
              lighting_id TEXT REFERENCES lighting(id) DEFERRABLE INITIALLY DEFERRED,
              current_take_id TEXT);
            INSERT INTO shot_v3 SELECT id, position, scene_id, name, prompt, duration, seed, cast_json, camera,
              camera_preset, camera_explicit, start_image, source_video, lighting_id, current_take_id FROM shot;
            """)
        let update = try db.makeStatement(sql: "UPDATE shot_v3 SET camera = ? WHERE id = ?")
        for (id, path) in try jsonCameras(db, table: "shot_v3") { try update.execute(arguments: [path.binaryEncoded(), id]) }
        try db.execute(sql: """
            DROP TABLE shot;
            ALTER TABLE shot_v3 RENAME TO shot;
            CREATE INDEX shot_position ON shot(position);
            """)
    }

    /// The cameras still stored as JSON text, decoded; one that cannot be read is corruption.
    static func jsonCameras(_ db: Database, table: String) throws -> [(id: String, camera: CameraPath)] {
        try Row.fetchAll(db, sql: "SELECT id, camera FROM \(table) WHERE typeof(camera) = 'text'").map { row in
            let id: String = row["id"], text: String = row["camera"]
            do { return (id, try FieldJSON.decode(CameraPath.self, text)) } catch {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the camera of shot \(id) is unreadable (\(error.localizedDescription))")
            }
        }
    }

    /// Refuses, before any migration writes, a file that a pending migration could not convert:
    /// migrations commit one by one, so a late failure would leave the file half-migrated.
    static func checkBeforeMigrating(_ db: Database, path: String) throws {
        guard try db.tableExists("shot"), !(try migrator.appliedIdentifiers(db).contains("v3-camera-keys")) else { return }
        do { _ = try jsonCameras(db, table: "shot") } catch let e as DatabaseError {
            throw StoreError.corrupt(path, detail: e.message ?? "unreadable camera keys")
        }
    }
}
