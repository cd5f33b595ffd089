import Foundation
import KinoCore

/// Frames per second of ProceduralEngine on representative shots, at preview and HD size:
/// what the kino-bench executable prints.
public enum EngineBenchmark {
    public struct Case: Sendable {
        public var name: String
        public var scene: SceneSpec
    }

    public static let cases: [Case] = [
        Case(name: "walking, city night, crowd, rain, follow",
             scene: SceneSpec(environment: .cityNight, subjects: [.init(kind: .woman, clothesColor: RGB(200, 30, 40), action: .walking)],
                              timeOfDay: .night, weather: .rain, cameraMoves: [.followBehind], crowdDensity: 0.6, neonSigns: true)),
        Case(name: "rotating phone, studio, orbit",
             scene: SceneSpec(environment: .studio, subjects: [.init(kind: .smartphone, action: .rotating)], cameraMoves: [.orbit])),
        Case(name: "character waving, living room",
             scene: SceneSpec(environment: .livingRoom, subjects: [.init(kind: .woman, action: .waving)])),
    ]

    /// Renders each case and returns a table of frames per second.
    public static func run() -> String {
        var lines = ["shot                                        320x180 fps   1280x720 fps"]
        for c in cases {
            let small = measure(c.scene, resolution: .preview, frames: 96)
            let large = measure(c.scene, resolution: .hd720, frames: 24)
            lines.append(c.name.padding(toLength: 44, withPad: " ", startingAt: 0)
                         + String(format: "%11.1f   %12.1f", small, large))
        }
        return lines.joined(separator: "\n")
    }

    struct NullSink: FrameSink {
        func receive(frameIndex: Int, frame: Frame) throws {}
    }

    /// Frames per second rendering `frames` frames of `scene` (simulation and drawing).
    public static func measure(_ scene: SceneSpec, resolution: Resolution, frames: Int) -> Double {
        let engine = ProceduralEngine(interpreter: { _ in scene })
        let shot = Shot(id: "sh1", sceneID: "sc1", prompt: "benchmark", duration: frames, seed: 1)
        let spec = ShotSpec(shot: shot, characters: [], lighting: nil, sceneEnvironment: "", frameRate: .fps24,
                            resolution: resolution)
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try? engine.generate(.render(spec, FrameRange(0, frames)), sink: NullSink(), progress: GenerationProgress(),
                                 cancel: CancelToken())
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Double(frames) / max(seconds, 1e-9)
    }
}
