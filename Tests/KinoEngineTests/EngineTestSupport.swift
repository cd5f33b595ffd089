import Foundation
import KinoCore
@testable import KinoEngine

/// Collects delivered frames in order.
final class CollectingSink: FrameSink, @unchecked Sendable {
    private let lock = NSLock()
    private var _frames: [(Int, Frame)] = []
    var onReceive: (@Sendable (Int) -> Void)?
    var frames: [(Int, Frame)] { lock.withLock { _frames } }
    var images: [Frame] { frames.map(\.1) }
    var indices: [Int] { frames.map(\.0) }
    func receive(frameIndex: Int, frame: Frame) throws {
        lock.withLock { _frames.append((frameIndex, frame)) }
        onReceive?(frameIndex)
    }
}

enum Fixture {
    static let walker = SceneSpec(environment: .cityNight,
                                  subjects: [.init(kind: .woman, clothesColor: RGB(200, 30, 40), action: .walking)],
                                  weather: .rain, cameraMoves: [.followBehind], crowdDensity: 0.5, neonSigns: true)
    static let phone = SceneSpec(environment: .studio, subjects: [.init(kind: .smartphone, action: .rotating)],
                                 cameraMoves: [.orbit])
    static let livingRoom = SceneSpec(environment: .livingRoom, subjects: [.init(kind: .character, characterID: "ch1", action: .waving)])

    static let ada = Character(id: "ch1", name: "Ada", description: "a woman in a green jacket",
                               appearance: Appearance(skin: RGB(224, 172, 130), hair: RGB(40, 28, 20), top: RGB(40, 160, 70),
                                                      bottom: RGB(30, 40, 90), height: 1.68, build: .average, hairStyle: .bun,
                                                      faceSeed: 42))

    static func spec(prompt: String = "test", frames: Int = 48, seed: UInt64 = 7, resolution: Resolution = .preview,
                     camera: CameraPath? = nil, startFrame: Frame? = nil, lighting: LightingSetup? = nil) -> ShotSpec {
        var shot = Shot(id: "sh1", sceneID: "sc1", prompt: prompt, duration: frames, seed: seed)
        if let camera { shot.camera = camera; shot.cameraIsExplicit = true }
        return ShotSpec(shot: shot, characters: [ada], lighting: lighting, sceneEnvironment: "",
                        frameRate: .fps24, resolution: resolution, startFrame: startFrame)
    }

    static func engine(_ scene: SceneSpec) -> ProceduralEngine { ProceduralEngine(interpreter: { _ in scene }) }

    static func render(_ engine: ProceduralEngine, _ spec: ShotSpec, _ range: FrameRange) throws -> (CollectingSink, GenerationResult) {
        let sink = CollectingSink()
        let result = try engine.generate(.render(spec, range), sink: sink, progress: GenerationProgress(), cancel: CancelToken())
        return (sink, result)
    }

    /// Mean absolute difference per channel between two frames.
    static func meanDifference(_ a: Frame, _ b: Frame) -> Double {
        var sum = 0
        for i in 0..<a.pixels.count where i & 3 != 3 { sum += abs(Int(a.pixels[i]) - Int(b.pixels[i])) }
        return Double(sum) / Double(a.width * a.height * 3)
    }

    static func writePPM(_ f: Frame, _ path: String) {
        var d = Data("P6\n\(f.width) \(f.height)\n255\n".utf8)
        d.append(contentsOf: f.rgbBytes)
        try? d.write(to: URL(fileURLWithPath: path))
    }
}
