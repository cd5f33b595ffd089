import Foundation
import KinoCore
import KinoInterchange
import KinoKit

/// OTIO export and import of a 1,000-shot project (no media: the timeline file alone), a
/// 10,000-clip import, and `kino inspect` on a 10-minute export.
enum InterchangeBenchmark {
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let t0 = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
    }

    static func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var xs: [Double] = []
        for _ in 0..<runs { xs.append(try milliseconds(body)) }
        return xs.sorted()[runs / 2]
    }

    /// `shots` shots in scenes of ten, 2 s each at 24000/1001, with a character in every third.
    static func project(shots: Int) throws -> Project {
        var p = Project(settings: ProjectSettings(name: "bench", frameRate: .ntsc23_976, resolution: try Resolution(width: 160, height: 90)))
        var edits: [Edit] = []
        let ana = Character(id: p.allocateID(), name: "Ana", description: "a woman in a green coat",
                            appearance: Appearance.derive(fromDescription: "a woman in a green coat", seed: 1))
        edits.append(.insertCharacter(ana, at: 0))
        var scene = SceneID(raw: "")
        for i in 0..<shots {
            if i % 10 == 0 {
                scene = p.allocateID()
                edits.append(.insertScene(Scene(id: scene, name: "scene \(i / 10 + 1)", environment: "a street at night"), at: i / 10))
            }
            let id: ShotID = p.allocateID()
            edits.append(.insertShot(Shot(id: id, sceneID: scene, prompt: "shot \(i): a woman walks past a lit window",
                                          duration: 48, seed: UInt64(i), cast: i % 3 == 0 ? [CastMember(characterID: ana.id)] : []),
                                     at: i))
        }
        try p.apply(.group(label: "bench", edits: edits))
        return p
    }

    static func run() throws -> String {
        let dir = NSTemporaryDirectory() + "kino-bench-interchange-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var rows: [(String, Double)] = []

        let p = try project(shots: 1000)
        let session = try ProjectSession.create(at: dir + "/bench.kino", project: p)
        defer { session.close() }
        let cut = Cut(project: p, media: [:], takes: [:])
        rows.append(("OTIO write, 1,000 shots (pure)", try median(5) { _ = try OTIOWriter.write(cut) }))
        rows.append(("otio export --media none, 1,000 shots (session, file)", try median(5) {
            try session.exportInterchange(to: dir + "/cut.otio", media: .none)
        }))
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/cut.otio"))
        let reader = OTIOReader(fileName: "cut.otio", folder: dir)
        rows.append(("OTIO read + plan, 1,000 clips (pure)", try median(5) {
            let t = try reader.read(data)
            _ = try t.plan(into: Project(settings: t.kinoProject!.settings), media: [:], label: "cut.otio")
        }))
        var n = 0
        rows.append(("otio import -o NEW, 1,000 clips (session, file)", try median(5) {
            n += 1
            let (s, _) = try ProjectSession.importInterchange(from: dir + "/cut.otio", toNewProject: dir + "/back\(n).kino")
            s.close()
        }))

        let big = try project(shots: 10_000)
        let bigSession = try ProjectSession.create(at: dir + "/big.kino", project: big)
        try bigSession.exportInterchange(to: dir + "/big.otio", media: .none)
        bigSession.close()
        rows.append(("otio import -o NEW, 10,000 clips (session, file)", try milliseconds {
            let (s, _) = try ProjectSession.importInterchange(from: dir + "/big.otio", toNewProject: dir + "/bigback.kino")
            s.close()
        }))

        // A 10-minute export (160x90, ten 60 s shots), then inspect it.
        var long = Project(settings: ProjectSettings(name: "ten minutes", frameRate: .fps24, resolution: try Resolution(width: 160, height: 90)))
        let sc: SceneID = long.allocateID()
        var edits: [Edit] = [.insertScene(Scene(id: sc, name: "one"), at: 0)]
        for i in 0..<10 { edits.append(.insertShot(Shot(id: long.allocateID(), sceneID: sc, prompt: "a field of grass", duration: 1440, seed: UInt64(i)), at: i)) }
        try long.apply(.group(label: "long", edits: edits))
        let longSession = try ProjectSession.create(at: dir + "/long.kino", project: long)
        let movie = dir + "/long.mp4"
        let exportMs = try milliseconds { try longSession.export(to: movie, preset: "ultrafast") }
        longSession.close()
        rows.append(("(export of the 10-minute movie, 14,400 frames, 160x90)", exportMs))
        rows.append(("kino inspect on the 10-minute MP4", try median(5) { _ = try ProjectSession.inspectMovie(at: movie) }))

        var out = "interchange (release)                                    ms\n"
        for (name, ms) in rows { out += name.padding(toLength: 56, withPad: " ", startingAt: 0) + String(format: "%10.1f", ms) + "\n" }
        return out
    }
}
