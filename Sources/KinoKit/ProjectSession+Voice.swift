import Foundation
import KinoAudio
import KinoCore

extension ProjectSession {
    /// The line spoken at 48 kHz, from the cache when it was spoken before (keyed by the
    /// SHA-256 of the synthesiser's identity and the line's text, voice, rate and pitch, so
    /// changed text is spoken again). Cached as raw floats in NAME.kino-cache/voice/.
    public func speak(_ line: VoiceLine) throws -> StereoBuffer {
        var d = SHA256Digest()
        d.update("\(VoiceSynth.identity)\n\(line.voice)\n\(line.rate)\n\(line.pitch)\n\(line.text)".utf8)
        let key = d.finalizeHex()
        let file = cacheDirectory + "/voice/" + key + ".f32"
        if let data = FileManager.default.contents(atPath: file), data.count % 4 == 0, !data.isEmpty {
            return StereoBuffer(mono: data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) })
        }
        let sound = try VoiceSynth.speak(line)
        // The cache is a convenience: a line that cannot be cached is still spoken.
        let dir = cacheDirectory + "/voice"
        if (try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)) != nil {
            let tmp = file + ".tmp-\(getpid())"
            let bytes = sound.left.withUnsafeBufferPointer { Data(buffer: $0) }
            if FileManager.default.createFile(atPath: tmp, contents: bytes) { rename(tmp, file) }
        }
        return sound
    }

    /// How long the line lasts when spoken, in seconds (shown before it is placed).
    public func spokenDuration(_ line: VoiceLine) throws -> Double {
        AudioClock.seconds(samples: try speak(line).count)
    }

    /// Speaks a line and places it on the voice lane at `seconds`.
    @discardableResult
    public func addVoiceLine(_ line: VoiceLine, atSeconds seconds: Double, gainDB: Double = 0, name: String = "") throws -> AudioClip {
        let start = try timelineFrame(seconds: seconds)
        try Project.validate(voice: line)
        let n = try speak(line).count
        var id: AudioClipID?
        try apply { p in
            let (edit, new) = try p.addingAudioClip(lane: .voice) {
                AudioClip(id: $0, name: name, source: .voice(line), sourceSamples: n, start: start, gainDB: gainDB)
            }
            id = new
            return edit
        }
        return project.audio.clip(id!)!
    }

    /// Changes a voice line's text (or voice, rate, pitch): spoken again, its length follows.
    public func setVoiceLine(_ id: AudioClipID, _ change: (inout VoiceLine) -> Void) throws {
        guard let clip = project.audio.clip(id), case .voice(var line) = clip.source else {
            throw AudioEditError.unknownClip(id.raw, count: project.audioClipCount)
        }
        change(&line)
        try Project.validate(voice: line)
        let n = try speak(line).count
        try apply { p in
            try p.updatingAudioClip(id) { c in
                c.source = .voice(line); c.sourceSamples = n; c.inSample = 0; c.outSample = n
                c.fadeIn = min(c.fadeIn, n / 2); c.fadeOut = min(c.fadeOut, n / 2)
            }
        }
    }
}
