import Foundation
import KinoAudio
import KinoCore
import KinoMedia

extension ProjectSession {
    /// Timeline frame at `seconds`, refusing a time that is not a finite, non-negative number.
    func timelineFrame(seconds: Double) throws -> Int {
        guard seconds.isFinite, seconds >= 0 else { throw ValidationError.invalidTime("\(seconds)") }
        return project.frameRate.frames(seconds: seconds)
    }

    /// Imports a sound file (or a video's sound) onto `lane` at `seconds` on the timeline.
    /// The file is decoded once here to learn its length; nothing is recorded if it is bad.
    @discardableResult
    public func importAudio(path: String, lane: AudioLaneKind, atSeconds seconds: Double, gainDB: Double = 0,
                            name: String = "") throws -> AudioClip {
        let start = try timelineFrame(seconds: seconds)
        let sound = try AudioDecoder.decode(path: path)
        let ref = MediaReference(path: absolute(path), contentHash: try hashFile(path))
        return try place(lane: lane) {
            AudioClip(id: $0, name: name, source: .file(ref), sourceSamples: sound.count, start: start, gainDB: gainDB)
        }
    }

    /// Places a synthesised music bed of `length` seconds on the music lane.
    @discardableResult
    public func addMusicBed(seed: UInt64, atSeconds seconds: Double, length: Double, gainDB: Double = 0,
                            fade: Double = 2) throws -> AudioClip {
        let start = try timelineFrame(seconds: seconds)
        guard length.isFinite, length > 0 else { throw ValidationError.invalidDuration("\(length)") }
        let n = AudioClock.samples(seconds: length), f = min(AudioClock.samples(seconds: fade), n / 2)
        return try place(lane: .music) {
            AudioClip(id: $0, name: "music bed", source: .musicBed(seed: seed), sourceSamples: n, start: start,
                      gainDB: gainDB, fadeIn: f, fadeOut: f)
        }
    }

    private func place(lane: AudioLaneKind, _ make: @escaping (AudioClipID) -> AudioClip) throws -> AudioClip {
        var id: AudioClipID?
        try apply { p in
            let (edit, new) = try p.addingAudioClip(lane: lane, make)
            id = new
            return edit
        }
        return project.audio.clip(id!)!
    }

    /// The whole timeline's sound, exactly duration × 48,000 samples, from `snapshot` (the
    /// project now when nil). A referenced file that changed since it was added is refused.
    public func mixdown(snapshot: Project? = nil) throws -> StereoBuffer {
        try mixer(snapshot ?? project).mix()
    }

    /// The sound of timeline frames `range` for an export, normalised to `loudness` LUFS with
    /// true peaks under −1 dBTP when asked, or nil when the project is silent.
    func soundtrack(_ p: Project, range: Range<Int>, loudness: Double? = nil) throws -> StereoBuffer? {
        guard p.hasSound else { return nil }
        let mix = try mixdown(snapshot: p)
        let part = mix.slice(AudioClock.sample(atFrame: range.lowerBound, rate: p.frameRate)..<AudioClock.sample(atFrame: range.upperBound, rate: p.frameRate))
        guard let loudness else { return part }
        return try Loudness.normalise(part, targetLUFS: loudness).0
    }

    /// Writes the mix (or, with `stems`, one file per lane: NAME-voice.wav …) as WAV or FLAC.
    /// Returns the files written.
    @discardableResult
    public func exportSound(to path: String, stems: Bool = false, range: Range<Int>? = nil, loudness: Double? = nil) throws -> [String] {
        let p = project
        guard p.duration > 0 else { throw KinoKitError.nothingToExport }
        let r = range ?? 0..<p.duration
        let samples = AudioClock.sample(atFrame: r.lowerBound, rate: p.frameRate)..<AudioClock.sample(atFrame: r.upperBound, rate: p.frameRate)
        guard stems else {
            var mix = try mixdown(snapshot: p).slice(samples)
            if let loudness { mix = try Loudness.normalise(mix, targetLUFS: loudness).0 }
            _ = try KinoMedia.exportSound(mix, to: path)
            return [path]
        }
        let ext = (path as NSString).pathExtension, base = (path as NSString).deletingPathExtension
        var written: [String] = []
        let m = mixer(p)
        for lane in AudioLaneKind.allCases {
            let file = "\(base)-\(lane.rawValue).\(ext)"
            _ = try KinoMedia.exportSound(try m.stem(lane).slice(samples), to: file)
            written.append(file)
        }
        return written
    }

    /// One lane alone, as it sounds in the mix.
    public func stem(_ lane: AudioLaneKind, snapshot: Project? = nil) throws -> StereoBuffer {
        try mixer(snapshot ?? project).stem(lane)
    }

    func mixer(_ p: Project) -> AudioMixer {
        AudioMixer(project: p, source: { [self] clip in try audioSource(clip) },
                   pictureSound: { [self] shot in try pictureSound(shot, project: p) })
    }

    /// A clip's source samples at 48 kHz.
    func audioSource(_ clip: AudioClip) throws -> StereoBuffer {
        switch clip.source {
        case .file(let ref):
            try verifyUnchanged(ref)
            return try AudioDecoder.decode(path: ref.path)
        case .musicBed(let seed):
            return MusicBed.render(seed: seed, count: clip.sourceSamples)
        case .voice(let line):
            return try speak(line)
        }
    }

    /// A shot's own sound: the sound of its footage, from its in point, when it has any.
    func pictureSound(_ shot: Shot, project p: Project) throws -> StereoBuffer? {
        guard let video = shot.sourceVideo else { return nil }
        try verifyUnchanged(video.media)
        let sound: StereoBuffer
        do { sound = try AudioDecoder.decode(path: video.media.path) } catch AudioDecodeError.noAudioStream { return nil }
        let clipRate = video.clipFrameRate ?? p.frameRate.perSecond
        let from = Int(Int64(video.inFrame) * Int64(AudioClock.sampleRate) * clipRate.denominator / clipRate.numerator)
        return sound.slice(from..<(from + AudioClock.sample(atFrame: shot.duration, rate: p.frameRate)))
    }
}
