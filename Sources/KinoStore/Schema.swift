import GRDB

/// The project file's schema, migrated forward by name. A file whose migrations include
/// one this build does not know comes from a newer Kino and is refused.
enum Schema {
    /// Also written to PRAGMA user_version, so tools other than GRDB can read it.
    static let version = 2

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
        return m
    }
}
