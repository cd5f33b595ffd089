import Foundation
import KinoCore
import KinoEngine
import KinoKit
import KinoMedia
import KinoTerminal
import KinoTUI

/// A scratch folder for one benchmark.
func benchFolder(_ name: String) throws -> String {
    let dir = NSTemporaryDirectory() + "kino-bench-\(name)-\(getpid())"
    try? FileManager.default.removeItem(atPath: dir)
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
}

/// A one-shot project at `size` whose shot lasts `duration` seconds.
func oneShot(_ dir: String, _ name: String, prompt: String, duration: Double, size: String) throws -> (ProjectSession, ShotID) {
    let s = try ProjectSession.create(at: "\(dir)/\(name).kino", settings: ProjectSettings(name: name, resolution: try Resolution.parse(size)))
    var scene: SceneID!
    try s.apply { p in let (e, id) = try p.addingScene(name: "s", environment: ""); scene = id; return e }
    var shot: ShotID!
    try s.apply { p in
        let frames = try p.frameRate.frames(seconds: duration)
        let (e, id) = try p.addingShot { Shot(id: $0, sceneID: scene, prompt: prompt, duration: frames, seed: 7) }
        shot = id
        return e
    }
    return (s, shot)
}

enum EngineFigures {
    static func run() throws -> String { EngineBenchmark.run() }
}

/// Refine, extend and cached re-render against fresh renders, through ProjectSession
/// (frames written to the cache as PNG, as in real use), at 640x360.
enum GenerationBenchmark {
    static func run() throws -> String {
        let dir = try benchFolder("generation")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let prompt = "a woman walking down a busy city street at night with neon signs, camera following from behind, rain"
        let (s, shot) = try oneShot(dir, "ten", prompt: prompt, duration: 10, size: "640x360")
        let whole = try seconds { try s.render(shot: shot, quality: .full) }
        let refine = try seconds { try s.refine(shot: shot, fromFrame: 192, seed: 99, quality: .full) }
        let cached = try seconds { try s.render(shot: shot, quality: .full) }
        let extend = try seconds { try s.extend(shot: shot, frames: 48, quality: .full) }
        let (s2, shot2) = try oneShot(dir, "two", prompt: prompt, duration: 2, size: "640x360")
        let fresh2 = try seconds { try s2.render(shot: shot2, quality: .full) }
        s.close(); s2.close()
        func row(_ what: String, _ a: Double, _ b: Double, _ target: String) -> String {
            "  " + what.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: " %8.3f s  %8.3f s  %6.3f  ", a, b, a / b) + target
        }
        return """
        generation (640x360, city street at night with crowd and rain, through ProjectSession incl. PNG cache writes)
          what                                         this       against    ratio   target
        \(row("refine last 2 s of 10 s / render 10 s", refine, whole, "≤ 0.25"))
        \(row("extend by 2 s / fresh 2 s render", extend, fresh2, "≤ 1.1"))
        \(row("re-render unchanged cached shot / first", cached, whole, "≤ 0.02"))
        """
    }
}

/// Export of cached engine frames against the ffmpeg command line on the same frames, and an
/// uncached export against render + encode.
enum MediaFigures {
    static func run() throws -> String {
        let dir = try benchFolder("media")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var out = "media (H.264 preset medium crf 18; engine frames: city street at night)\n"
        var comparisons: [MediaBenchmark.Comparison] = []
        for size in ["640x360", "1280x720"] {
            let (s, shot) = try oneShot(dir, "m\(size)", prompt: "a man walking down a busy city street at night, camera following from behind",
                                        duration: 5, size: size)
            try s.render(shot: shot, quality: .full)
            let frames = try (0..<120).map { try s.frame(shot: shot, at: $0, quality: .full) }
            comparisons.append(try MediaBenchmark.compareWithFFmpeg(frames: frames, runs: 2, folder: dir))
            s.close()
        }
        out += MediaBenchmark.table(comparisons)
        // Uncached export (renders on the way) against rendering then encoding separately.
        let (a, shotA) = try oneShot(dir, "uncached", prompt: "a woman walking in a park, camera following from behind", duration: 5, size: "640x360")
        let exportUncached = try seconds { try a.export(to: dir + "/uncached.mp4") }
        a.close()
        let (b, shotB) = try oneShot(dir, "separate", prompt: "a woman walking in a park, camera following from behind", duration: 5, size: "640x360")
        let render = try seconds { try b.render(shot: shotB, quality: .full) }
        let encode = try seconds { try b.export(to: dir + "/cached.mp4") }
        b.close()
        _ = shotA
        let hidden = max(0, render + encode - exportUncached) / min(render, encode)
        out += String(format: "\n  uncached export of 120 frames at 640x360: %.2f s; render alone %.2f s + encode of cached frames %.2f s = %.2f s; %.0f%% of the smaller hidden\n",
                      exportUncached, render, encode, render + encode, hidden * 100)
        return out
    }
}

/// A real engine frame to sixel and character art against img2sixel and chafa.
enum TerminalFigures {
    static func run() throws -> String {
        let dir = try benchFolder("terminal")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (s, shot) = try oneShot(dir, "t", prompt: "a woman with red hair in a blue coat standing in a living room, close-up",
                                    duration: 1, size: "640x360")
        let frame = try s.frame(shot: shot, at: 12, quality: .full)
        s.close()
        return "terminal (640x360 engine frame, 80 columns)\n" + TerminalBenchmark.run(frame: frame, pngPath: dir + "/frame.png")
    }
}

enum EditorFigures {
    static func run() throws -> String { EditorBenchmark.run() }
}
