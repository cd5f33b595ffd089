import Foundation
import KinoCore

/// Mixes a project's lanes into one 48 kHz stereo buffer: each clip trimmed, gained and faded
/// where it sits on the timeline, the picture lane following the shots, music ducked under
/// voice, mute and solo honoured. Pure and deterministic: the same project and sources give
/// the same samples, bit for bit.
public struct AudioMixer {
    public let project: Project
    /// The samples of a clip's source (already at 48 kHz); asked once per distinct source.
    let source: (AudioClip) throws -> StereoBuffer
    /// A shot's own sound, `shot.duration` frames long; nil for silence.
    let pictureSound: (Shot) throws -> StereoBuffer?

    public init(project: Project, source: @escaping (AudioClip) throws -> StereoBuffer,
                pictureSound: @escaping (Shot) throws -> StereoBuffer? = { _ in nil }) {
        self.project = project; self.source = source; self.pictureSound = pictureSound
    }

    /// The timeline's length in samples: exactly duration × 48,000.
    public var sampleCount: Int { AudioClock.sample(atFrame: project.duration, rate: project.frameRate) }

    /// The whole mix.
    public func mix() throws -> StereoBuffer {
        var out = StereoBuffer(silence: sampleCount)
        for lane in AudioLaneKind.allCases where project.audio.isAudible(lane) {
            try add(lane: lane, into: &out)
        }
        return out
    }

    /// One lane alone, as heard in the mix (its gain, and ducking for music), for stems.
    public func stem(_ lane: AudioLaneKind) throws -> StereoBuffer {
        var out = StereoBuffer(silence: sampleCount)
        try add(lane: lane, into: &out)
        return out
    }

    private func add(lane: AudioLaneKind, into out: inout StereoBuffer) throws {
        let settings = project.audio.lane(lane)
        let duck = lane == .music ? duckingEnvelope() : nil
        if lane == .picture {
            let starts = project.shotStarts
            for (i, shot) in project.shots.enumerated() {
                guard let sound = try pictureSound(shot) else { continue }
                let at = AudioClock.sample(atFrame: starts[i], rate: project.frameRate)
                let length = min(sound.count, AudioClock.sample(atFrame: starts[i] + shot.duration, rate: project.frameRate) - at)
                place(sound, from: 0, count: length, at: at, gain: Gain.linear(dB: settings.gainDB), fadeIn: 0, fadeOut: 0, duck: nil, into: &out)
            }
            return
        }
        var cache: [AudioSource: StereoBuffer] = [:]
        for clip in project.audio.clips(in: lane) {
            let sound: StereoBuffer
            if let s = cache[clip.source] { sound = s } else { sound = try source(clip); cache[clip.source] = sound }
            let at = AudioClock.sample(atFrame: clip.start, rate: project.frameRate)
            let available = min(clip.outSample, sound.count) - clip.inSample
            guard available > 0 else { continue }
            place(sound, from: clip.inSample, count: available, at: at, gain: Gain.linear(dB: clip.gainDB + settings.gainDB),
                  fadeIn: clip.fadeIn, fadeOut: clip.fadeOut, fadeLength: clip.length, duck: duck, into: &out)
        }
    }

    /// Adds `count` samples of `sound` from `from` at timeline sample `at`, cut at the end.
    private func place(_ sound: StereoBuffer, from: Int, count: Int, at: Int, gain: Float, fadeIn: Int, fadeOut: Int,
                       fadeLength: Int? = nil, duck: [Float]?, into out: inout StereoBuffer) {
        let n = min(count, out.count - at)
        guard n > 0, at >= 0 else { return }
        let length = fadeLength ?? count
        let fadeOutStart = length - fadeOut
        sound.left.withUnsafeBufferPointer { sl in
            sound.right.withUnsafeBufferPointer { sr in
                out.left.withUnsafeMutableBufferPointer { ol in
                    out.right.withUnsafeMutableBufferPointer { or in
                        for i in 0..<n {
                            var g = gain
                            if i < fadeIn { g *= Gain.fade(i, of: fadeIn) }
                            if i >= fadeOutStart { g *= Gain.fade(length - i, of: fadeOut) }
                            if let duck { g *= duck[at + i] }
                            ol[at + i] += sl[from + i] * g
                            or[at + i] += sr[from + i] * g
                        }
                    }
                }
            }
        }
    }

    /// The music lane's gain over the timeline: 1 away from voice, the ducking amount under
    /// each audible voice clip, reached over the attack and recovered over the release
    /// (straight lines in dB, so a duck sounds even).
    func duckingEnvelope() -> [Float]? {
        let d = project.audio.ducking
        guard d.enabled, d.amountDB > 0, project.audio.isAudible(.voice) else { return nil }
        let voice = project.audio.clips(in: .voice)
        guard !voice.isEmpty else { return nil }
        let n = sampleCount
        var under = [Bool](repeating: false, count: n)
        for c in voice {
            let a = AudioClock.sample(atFrame: c.start, rate: project.frameRate)
            let b = min(n, a + c.length)
            if a < b { for i in a..<b { under[i] = true } }
        }
        let attackStep = d.amountDB / max(1, d.attackMs * Double(AudioClock.sampleRate) / 1000)
        let releaseStep = d.amountDB / max(1, d.releaseMs * Double(AudioClock.sampleRate) / 1000)
        // Look ahead by the attack, so the music is already down when the first word lands.
        let lead = Int(d.attackMs * Double(AudioClock.sampleRate) / 1000)
        var env = [Float](repeating: 1, count: n)
        var level = 0.0
        var nextUnder = 0
        for i in 0..<n {
            if i + lead < n, under[i + lead] { nextUnder = i + lead }
            let target = (under[i] || nextUnder > i) ? -d.amountDB : 0
            if level > target { level = max(target, level - attackStep) } else if level < target { level = min(target, level + releaseStep) }
            env[i] = level == 0 ? 1 : Gain.linear(dB: level)
        }
        return env
    }
}
