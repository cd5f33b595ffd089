import Foundation
import KinoCore
import KinoEngine
import KinoKit
import KinoMedia

/// Frames per second of each shot of `kino demo` through ProceduralEngine, at preview
/// (320x180) and HD (1280x720) size: the figures the cinematography issue is measured by.
/// Wall-clock fps is what a user sees now; /cpu-s (frames per processor-second, all
/// threads) stays comparable when other processes share the cores.
enum DemoShotBenchmark {
    static func run() throws -> String {
        let project = try DemoProject.build()
        let engine = ProceduralEngine()
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var lines = ["demo shots, \(engine.identity), \(cores) cores; fps = wall clock, /cpu-s = frames per processor-second",
                     "shot            320x180 fps  /cpu-s  x real time   1280x720 fps  /cpu-s"]
        for shot in project.shots {
            let small = measure(engine, project, shot, .preview, frames: min(shot.duration, 72))
            let large = measure(engine, project, shot, .hd720, frames: 24)
            lines.append(shot.title.padding(toLength: 14, withPad: " ", startingAt: 0)
                         + String(format: "%13.1f %7.1f %12.1f %14.1f %7.1f", small.wall, small.cpu, small.wall / 24, large.wall, large.cpu))
        }
        return lines.joined(separator: "\n")
    }

    /// Writes one 1280x720 still of each demo shot (at its middle, and the box's at 70 %)
    /// and its subject matte into `folder` (the frames of Docs/Engine.md).
    static func stills() throws -> String {
        let folder = CommandLine.arguments.dropFirst(2).first ?? "."
        let project = try DemoProject.build()
        let engine = ProceduralEngine()
        var lines: [String] = []
        for (n, shot) in project.shots.enumerated() {
            let spec = spec(project, shot, .hd720)
            let frame = n == 0 ? shot.duration * 7 / 10 : shot.duration / 2
            let sink = Keep()
            _ = try engine.generate(.render(spec, FrameRange(frame, frame + 1)), sink: sink, progress: GenerationProgress(), cancel: CancelToken())
            let path = "\(folder)/demo-\(n + 1)-after.png"
            try encodePNG(sink.frame!, to: path)
            if let matte = try engine.subjectMatte(spec, frame: frame) {
                var px = [UInt8](repeating: 255, count: matte.count * 4)
                for i in matte.indices { px[i * 4] = matte[i]; px[i * 4 + 1] = matte[i]; px[i * 4 + 2] = matte[i] }
                try encodePNG(Frame(width: spec.resolution.width, height: spec.resolution.height, pixels: px), to: "\(folder)/demo-\(n + 1)-matte.png")
            }
            lines.append("\(shot.title): frame \(frame) -> \(path)")
        }
        return lines.joined(separator: "\n")
    }

    final class Keep: FrameSink, @unchecked Sendable {
        var frame: Frame?
        func receive(frameIndex: Int, frame: Frame) throws { self.frame = frame }
    }

    static func spec(_ p: Project, _ shot: Shot, _ size: Resolution) -> ShotSpec {
        ShotSpec(shot: shot, characters: shot.cast.compactMap { p.character($0.characterID) },
                 lighting: p.effectiveLighting(for: shot), sceneEnvironment: p.scene(shot.sceneID)?.environment ?? "",
                 frameRate: p.frameRate, resolution: size)
    }

    struct NullSink: FrameSink { func receive(frameIndex: Int, frame: Frame) throws {} }

    static func measure(_ engine: ProceduralEngine, _ p: Project, _ shot: Shot, _ size: Resolution,
                        frames: Int) -> (wall: Double, cpu: Double) {
        let spec = spec(p, shot, size)
        let startCPU = clock()
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try? engine.generate(.render(spec, FrameRange(0, frames)), sink: NullSink(), progress: GenerationProgress(),
                                 cancel: CancelToken())
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = Double(clock() - startCPU) / Double(CLOCKS_PER_SEC)
        return (Double(frames) / max(wall, 1e-9), Double(frames) / max(cpu, 1e-9))
    }
}
