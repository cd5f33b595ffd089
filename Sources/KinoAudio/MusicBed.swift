import Foundation
import KinoCore

/// A calm synthesised music bed: soft pad chords over a bass note, four seconds a chord,
/// the key and progression chosen from a seed. No downloaded asset, and the same seed gives
/// the same samples.
public enum MusicBed {
    /// `count` samples of the bed for `seed`.
    public static func render(seed: UInt64, count: Int) -> StereoBuffer {
        var rng = SeededRandom(seed: seed)
        let root = 45 + Int(rng.next() % 7)               // A2…D#3
        let progressions: [[Int]] = [[0, 5, 7, 3], [0, 8, 3, 10], [0, 7, 9, 5], [0, 3, 8, 7]]
        let progression = progressions[Int(rng.next() % UInt64(progressions.count))]
        let chordSamples = 4 * AudioClock.sampleRate
        var left = [Float](repeating: 0, count: count), right = left
        let sr = Float(AudioClock.sampleRate)
        func hz(_ midi: Int) -> Float { 440 * pow(2, Float(midi - 69) / 12) }
        var start = 0, index = 0
        while start < count {
            let step = progression[index % progression.count]
            let minor = step == 3 || step == 8 || step == 10 ? 0 : 1
            let notes = [root + step + 12, root + step + 15 + minor, root + step + 19, root + step + 24]
            let bass = hz(root + step)
            let end = min(count, start + chordSamples)
            for i in start..<end {
                let t = Float(i) / sr, local = Float(i - start)
                // Each chord swells in and out (half-sine), so chords cross without clicks.
                let env = sin(Float.pi * min(1, local / Float(chordSamples)))
                var l: Float = 0, r: Float = 0
                for (k, m) in notes.enumerated() {
                    let f = hz(m)
                    let v = sin(2 * .pi * f * t) + 0.3 * sin(4 * .pi * f * t + 0.7)
                    let pan = 0.3 + 0.4 * Float(k) / 3
                    l += v * (1 - pan); r += v * pan
                }
                let b = 0.8 * sin(2 * .pi * bass * t)
                left[i] += 0.06 * env * l + 0.08 * env * b
                right[i] += 0.06 * env * r + 0.08 * env * b
            }
            // The next chord starts half-way through this one's swell.
            start += chordSamples / 2
            index += 1
        }
        return StereoBuffer(left: left, right: right)
    }
}
