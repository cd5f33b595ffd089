import Foundation
import GRDB
import KinoCore
import KinoKit
import KinoStore

/// 10,000 edits through ProjectSession (validate, apply, persist with journal row, one
/// transaction each) against bare GRDB writing the same rows, one transaction each.
enum EditBenchmark {
    static func percentile(_ xs: [Double], _ p: Double) -> Double {
        let s = xs.sorted()
        return s[min(s.count - 1, Int(Double(s.count - 1) * p))]
    }

    static func run() throws -> String {
        let dir = NSTemporaryDirectory() + "kino-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = try DemoProject.create(at: dir + "/edits.kino")
        let shots = session.project.shots.map(\.id)
        let n = 10_000
        var times: [Double] = []
        times.reserveCapacity(n)
        var journalJSON: [(String, String, String)] = []   // (shot id, prompt, edit json) for the bare run
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for i in 0..<n {
            let id = shots[i % shots.count]
            let prompt = "prompt number \(i) for a smartphone rotating on a white surface"
            let t0 = DispatchTime.now().uptimeNanoseconds
            let edit = try session.apply { p in try p.updatingShot(id) { $0.prompt = prompt } }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            journalJSON.append((id.raw, prompt, try ProjectStore.journalText(for: edit)))
        }
        session.close()

        // Bare GRDB: the same shot-row update and journal row, one transaction each.
        let bare = try DatabaseQueue(path: dir + "/bare.sqlite", configuration: {
            var c = Configuration()
            c.prepareDatabase { try $0.execute(sql: "PRAGMA synchronous = NORMAL") }
            return c
        }())
        try bare.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: """
                CREATE TABLE shot (id TEXT PRIMARY KEY, prompt TEXT NOT NULL);
                CREATE TABLE journal (seq INTEGER PRIMARY KEY AUTOINCREMENT, edit TEXT NOT NULL, label TEXT NOT NULL,
                  state TEXT NOT NULL, applied_at REAL NOT NULL);
                """)
            for id in shots { try db.execute(sql: "INSERT INTO shot VALUES (?, '')", arguments: [id.raw]) }
        }
        var bareTimes: [Double] = []
        for (id, prompt, json) in journalJSON {
            let t0 = DispatchTime.now().uptimeNanoseconds
            try bare.write { db in
                try db.cachedStatement(sql: "UPDATE shot SET prompt = ? WHERE id = ?").execute(arguments: [prompt, id])
                try db.cachedStatement(sql: "INSERT INTO journal (edit, label, state, applied_at) VALUES (?, 'edit', 'done', ?)")
                    .execute(arguments: [json, Date().timeIntervalSince1970])
            }
            bareTimes.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        // Where the time goes: building+validating the edit, and encoding it as JSON.
        let probe = try ProjectSession.open(at: dir + "/edits.kino")
        var buildTimes: [Double] = [], encodeTimes: [Double] = []
        for i in 0..<2000 {
            let p = probe.project
            let t0 = DispatchTime.now().uptimeNanoseconds
            let edit = try p.updatingShot(shots[i % shots.count]) { $0.prompt = "probe \(i)" }
            let t1 = DispatchTime.now().uptimeNanoseconds
            _ = try ProjectStore.journalText(for: edit)
            let t2 = DispatchTime.now().uptimeNanoseconds
            buildTimes.append(Double(t1 - t0) / 1e6)
            encodeTimes.append(Double(t2 - t1) / 1e6)
        }
        probe.close()
        let med = percentile(times, 0.5), p99 = percentile(times, 0.99)
        let bmed = percentile(bareTimes, 0.5), bp99 = percentile(bareTimes, 0.99)
        return """
        edits: \(n) prompt edits through ProjectSession vs bare GRDB (same rows, one transaction each)
          what                     median ms   p99 ms
          ProjectSession.apply     \(String(format: "%9.3f  %8.3f", med, p99))
          bare GRDB                \(String(format: "%9.3f  %8.3f", bmed, bp99))
          ratio (median)           \(String(format: "%9.2f", med / bmed))
          of which: build+validate \(String(format: "%9.3f", percentile(buildTimes, 0.5))), JSON encode \(String(format: "%9.3f", percentile(encodeTimes, 0.5)))
        """
    }
}
