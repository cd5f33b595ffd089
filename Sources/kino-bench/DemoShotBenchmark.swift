import Foundation
import KinoCore
import KinoEngine
import KinoKit

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

    struct NullSink: FrameSink { func receive(frameIndex: Int, frame: Frame) throws {} }

    static func measure(_ engine: ProceduralEngine, _ p: Project, _ shot: Shot, _ size: Resolution,
                        frames: Int) -> (wall: Double, cpu: Double) {
        let spec = ShotSpec(shot: shot, characters: shot.cast.compactMap { p.character($0.characterID) },
                            lighting: p.effectiveLighting(for: shot), sceneEnvironment: p.scene(shot.sceneID)?.environment ?? "",
                            frameRate: p.frameRate, resolution: size)
        let startCPU = clock()
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try? engine.generate(.render(spec, FrameRange(0, frames)), sink: NullSink(), progress: GenerationProgress(),
                                 cancel: CancelToken())
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpu = Double(clock() - startCPU) / Double(CLOCKS_PER_SEC)
        return (Double(frames) / max(wall, 1e-9), Double(frames) / max(cpu, 1e-9))
    }
}
