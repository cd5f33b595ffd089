import Foundation
import KinoAudio
import KinoCore
import KinoKit

/// Sound figures: the mixdown of a 10-minute timeline (20 clips, ducking) × real time,
/// espeak-ng synthesis × real time, and the demo's export with sound against without.
enum SoundBenchmark {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let t0 = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }

    static func run() throws -> String {
        var out = ["sound"]
        // 1. Mixdown: 20 shots of 30 s, 8 voice lines, 6 music clips, 6 effects clips, ducking on.
        var p = Project(settings: ProjectSettings(name: "mix"))
        let (se, scene) = try p.addingScene(name: "s")
        try p.apply(se)
        for _ in 0..<20 { try p.apply(try p.addingShot { Shot(id: $0, sceneID: scene, prompt: "x", duration: 720) }.0) }
        let tone = StereoBuffer(left: (0..<(90 * 48_000)).map { 0.2 * sin(Float($0) * 0.0571) },
                                right: (0..<(90 * 48_000)).map { 0.2 * sin(Float($0) * 0.0412) })
        let voice = try VoiceSynth.speak(VoiceLine(text: "This line is spoken over the music, which ducks under it."))
        for i in 0..<8 {
            try p.apply(try p.addingAudioClip(lane: .voice) { AudioClip(id: $0, source: .voice(VoiceLine(text: "line \(i)")), sourceSamples: voice.count, start: 24 * (10 + 70 * i)) }.0)
        }
        for i in 0..<6 {
            try p.apply(try p.addingAudioClip(lane: .music) {
                AudioClip(id: $0, source: .musicBed(seed: UInt64(i)), sourceSamples: tone.count, start: 24 * 100 * i, gainDB: -12, fadeIn: 96_000, fadeOut: 96_000)
            }.0)
            try p.apply(try p.addingAudioClip(lane: .effects) {
                AudioClip(id: $0, source: .file(MediaReference(path: "fx\(i)", contentHash: "")), sourceSamples: tone.count, start: 24 * (50 + 100 * i), gainDB: -6)
            }.0)
        }
        let mixer = AudioMixer(project: p, source: { c in if case .voice = c.source { return voice }; return tone })
        var mix = StereoBuffer(silence: 0)
        let mixTime = try seconds { mix = try mixer.mix() }
        out.append(String(format: "  mixdown, 10 min, 20 clips, ducking: %.2f s = %.0f× real time (%d samples)", mixTime, 600 / mixTime, mix.count))

        // 2. espeak-ng: five sentences.
        let sentences = ["Meet the new phone.", "Every angle, in one smooth turn.", "It goes where you go: the living room, the kitchen, the office.",
                         "Made with Kino.", "The weather is nice today, so we film outside."]
        var spoken = 0
        let speakTime = try seconds { for s in sentences { spoken += try VoiceSynth.speak(VoiceLine(text: s)).count } }
        out.append(String(format: "  espeak-ng, %d lines, %.2f s of speech in %.2f s = %.1f× real time", sentences.count,
                          AudioClock.seconds(samples: spoken), speakTime, AudioClock.seconds(samples: spoken) / speakTime))

        // 3. The demo (at 320x180, frames cached by a first export) with sound and without.
        let dir = NSTemporaryDirectory() + "kino-bench-sound-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let demo = try DemoProject.create(at: dir + "/demo.kino")
        try demo.apply { try $0.updatingSettings { $0.resolution = try Resolution(width: 320, height: 180) } }
        try demo.export(to: dir + "/warm.mp4", sound: false)
        var silent: [Double] = [], withSound: [Double] = []
        for i in 0..<3 {
            silent.append(try seconds { try demo.export(to: dir + "/silent\(i).mp4", sound: false) })
            withSound.append(try seconds { try demo.export(to: dir + "/sound\(i).mp4", sound: true) })
        }
        let a = silent.sorted()[1], b = withSound.sorted()[1]
        out.append(String(format: "  demo export 320x180 h264, median of 3: silent %.2f s, with sound %.2f s = %.3f×", a, b, b / a))
        demo.close()
        return out.joined(separator: "\n")
    }
}
