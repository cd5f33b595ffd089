import Foundation
import GRDB
import KinoCore
import KinoKit
import KinoStore
import KinoTUI

/// Opening a 1,000-shot project whose shots all have orbit camera paths: the file as Kino
/// writes it now (binary camera keys), the same shots with the keys as JSON text (what a
/// file from before v3 held; read through the JSON path), and such a file's first open
/// (migration v3-camera-keys converting every camera). Then the editor's first screen on that project.
enum OpenBenchmark {
    static let shots = 1000, runs = 9

    /// 1,000 shots over 10 scenes, each with an orbit over its own length.
    static func orbitProject() -> Project {
        var p = Project(settings: ProjectSettings(name: "Orbits"))
        p.lightingSetups = [LightingSetup(id: "lt1", name: "Day")]
        p.scenes = (0..<10).map { Scene(id: SceneID(number: $0 + 2), name: "Scene \($0 + 1)", environment: "city street", lightingID: "lt1") }
        p.shots = (0..<shots).map { i in
            let frames = 48 + (i * 37) % 96
            return Shot(id: ShotID(number: 100 + i), sceneID: SceneID(number: 2 + i * 10 / shots), name: "Shot \(i + 1)",
                        prompt: "a product on a turntable, camera orbit, shot \(i + 1)", duration: frames, seed: UInt64(i),
                        camera: CameraPath.preset(.orbit, frames: frames, frameRate: p.frameRate), cameraPreset: .orbit, cameraIsExplicit: true)
        }
        p.nextIDNumber = 100 + shots
        return p
    }

    static func ms(_ ns: UInt64) -> Double { Double(ns) / 1e6 }

    /// CPU time this process has used, in ms: on a shared, loaded machine the wall clock
    /// mostly measures waiting for a core.
    static func cpuMS() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
    }

    /// Median and fastest of `runs` opens (ProjectSession.open: checks + load), and the load alone.
    static func timeOpen(_ path: String) throws -> (median: Double, min: Double, cpu: Double, load: Double) {
        var opens: [Double] = [], cpus: [Double] = [], loads: [Double] = []
        for _ in 0..<runs {
            let t0 = DispatchTime.now().uptimeNanoseconds, c0 = cpuMS()
            let s = try ProjectSession.open(at: path)
            opens.append(ms(DispatchTime.now().uptimeNanoseconds - t0))
            cpus.append(cpuMS() - c0)
            s.close()
            let store = try ProjectStore.open(at: path)
            let t1 = DispatchTime.now().uptimeNanoseconds
            _ = try store.loadProject()
            loads.append(ms(DispatchTime.now().uptimeNanoseconds - t1))
            try store.close()
        }
        return (EditBenchmark.percentile(opens, 0.5), opens.min() ?? 0, EditBenchmark.percentile(cpus, 0.5), EditBenchmark.percentile(loads, 0.5))
    }

    static func loadAverage() -> Double {
        var l = [Double](repeating: 0, count: 1)
        return getloadavg(&l, 1) == 1 ? l[0] : 0
    }

    static func run() throws -> String {
        let dir = NSTemporaryDirectory() + "kino-open-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let project = orbitProject()
        let binary = dir + "/binary.kino", json = dir + "/json.kino", v1 = dir + "/v1.kino"
        try ProjectSession.create(at: binary, project: project).close()
        let keys = project.shots.reduce(0) { n, s in n + s.camera.channels.values.reduce(0) { $0 + $1.keys.count } }

        // The same file with every camera as JSON text, as a version-1 file stored it.
        try FileManager.default.copyItem(atPath: binary, toPath: json)
        let q = try DatabaseQueue(path: json)
        try q.write { db in
            for s in project.shots {
                try db.execute(sql: "UPDATE shot SET camera = ? WHERE id = ?", arguments: [try FieldJSON.encode(s.camera), s.id.raw])
            }
        }
        try q.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try q.close()
        // …and marked as from before v3-camera-keys, so opening it migrates.
        try FileManager.default.copyItem(atPath: json, toPath: v1)
        let q1 = try DatabaseQueue(path: v1)
        try q1.write { db in try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3-camera-keys'") }
        try q1.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA user_version = 2")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        try q1.close()

        let b = try timeOpen(binary), j = try timeOpen(json)
        let t0 = DispatchTime.now().uptimeNanoseconds, c0 = cpuMS()
        let migrated = try ProjectSession.open(at: v1)
        let migration = ms(DispatchTime.now().uptimeNanoseconds - t0), migrationCPU = cpuMS() - c0
        let same = migrated.project.shots.map(\.camera) == project.shots.map(\.camera)
        migrated.close()

        func row(_ what: String, _ r: (median: Double, min: Double, cpu: Double, load: Double)) -> String {
            String(format: "| %@ | %.1f ms | %.1f ms | %.1f ms | %.1f ms |\n", what, r.median, r.min, r.cpu, r.load)
        }
        var out = "open: \(shots) shots, every one an orbit (\(keys) camera keys), median of \(runs) opens\n"
        out += String(format: "load average %.1f\n", loadAverage())
        out += "| file | open, median | open, fastest | open, CPU time (median) | loading the rows alone (median) |\n| --- | --- | --- | --- | --- |\n"
        out += row("camera keys binary (now)", b)
        out += row("camera keys as JSON text (before v3)", j)
        out += String(format: "| file with JSON keys, first open (migration v3 + open) | %.1f ms | | %.1f ms | |\n", migration, migrationCPU)
        out += "| cameras identical after the migration | \(same ? "yes" : "NO") | | | |\n\n"
        out += EditorBenchmark.run(keys: 1000, project: project)
        return out
    }
}
