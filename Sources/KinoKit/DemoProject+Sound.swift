import Foundation
import KinoAudio
import KinoCore

extension DemoProject {
    /// The explainer's voice-over (espeak-ng) and a synthesised music bed under it, ducked
    /// while the voice speaks. Each line is spoken once here to learn its length.
    static func addSound(to p: inout Project) throws {
        let rate = p.frameRate
        let lines: [(Double, String)] = [
            (0.5, "Meet the new phone."),
            (6.5, "Every angle, in one smooth turn."),
            (15.5, "It goes where you go: the living room, the kitchen, the office."),
            (26.0, "Made with Kino."),
        ]
        for (at, text) in lines {
            let line = VoiceLine(text: text)
            let n = try VoiceSynth.speak(line).count
            let (e, _) = try p.addingAudioClip(lane: .voice) {
                AudioClip(id: $0, source: .voice(line), sourceSamples: n, start: rate.frames(seconds: at))
            }
            try p.apply(e)
        }
        let length = AudioClock.sample(atFrame: p.duration, rate: rate)
        let fade = AudioClock.samples(seconds: 2)
        let (bed, _) = try p.addingAudioClip(lane: .music) {
            AudioClip(id: $0, name: "music bed", source: .musicBed(seed: 2026), sourceSamples: length, start: 0,
                      gainDB: -10, fadeIn: fade, fadeOut: fade)
        }
        try p.apply(bed)
    }
}
