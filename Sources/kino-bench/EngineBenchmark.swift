import Foundation
import KinoCore
import KinoEngine

/// Frames per second of ProceduralEngine on representative shots, at preview and HD size:
/// what the kino-bench executable prints. Wall-clock fps is what a user sees on this machine
/// now; fps per CPU-second (all threads' processor time) stays comparable when other
/// processes share the cores.
enum EngineBenchmark {
    struct Case: Sendable {
        var name: String
        var scene: SceneSpec
    }

    static let cases: [Case] = [
        Case(name: "walking, city night, crowd, rain, follow",
             scene: SceneSpec(environment: .cityNight, subjects: [.init(kind: .woman, clothesColor: RGB(200, 30, 40), action: .walking)],
                              timeOfDay: .night, weather: .rain, cameraMoves: [.followBehind], crowdDensity: 0.6, neonSigns: true)),
        Case(name: "rotating phone, studio, orbit",
             scene: SceneSpec(environment: .studio, subjects: [.init(kind: .smartphone, action: .rotating)], cameraMoves: [.orbit])),
        Case(name: "character waving, living room",
             scene: SceneSpec(environment: .livingRoom, subjects: [.init(kind: .woman, action: .waving)])),
    ]

    /// Renders each case (96 frames at 320x180, 24 at 1280x720) and returns the table.
    static func run() -> String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var lines = ["ProceduralEngine \(ProceduralEngine().identity), \(cores) cores; fps = wall clock, /cpu-s = frames per processor-second",
                     "shot                                      320x180 fps  /cpu-s   1280x720 fps  /cpu-s"]
        for c in cases {
            let small = measure(c.scene, resolution: .preview, frames: 96)
            let large = measure(c.scene, resolution: .hd720, frames: 24)
            lines.append(c.name.padding(toLength: 42, withPad: " ", startingAt: 0)
                         + String(format: "%11.1f %7.1f %14.1f %7.1f", small.wall, small.cpu, large.wall, large.cpu))
        }
        return lines.joined(separator: "\n")
    }

    struct NullSink: FrameSink {
        func receive(frameIndex: Int, frame: Frame) throws {}
    }

    /// Frames per wall-clock second and per processor-second rendering `frames` frames of
    /// `scene` (simulation and drawing).
    static func measure(_ scene: SceneSpec, resolution: Resolution, frames: Int) -> (wall: Double, cpu: Double) {
        let engine = ProceduralEngine(interpreter: { _ in scene })
        let shot = Shot(id: "sh1", sceneID: "sc1", prompt: "benchmark", duration: frames, seed: 1)
        let spec = ShotSpec(shot: shot, characters: [], lighting: nil, sceneEnvironment: "", frameRate: .fps24,
                            resolution: resolution)
        let startCPU = clock()
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try? engine.generate(.render(spec, FrameRange(0, frames)), sink: NullSink(), progress: GenerationProgress(),
                                 cancel: CancelToken())
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpuSeconds = Double(clock() - startCPU) / Double(CLOCKS_PER_SEC)
        return (Double(frames) / max(seconds, 1e-9), Double(frames) / max(cpuSeconds, 1e-9))
    }
}
