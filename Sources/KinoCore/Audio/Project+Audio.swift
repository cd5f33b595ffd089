import Foundation

/// Applying, validating and building audio edits against a project.
extension Project {
    mutating func applyAudio(_ edit: AudioEdit) throws {
        switch edit {
        case .insertClip(let c, let lane, let i):
            guard lane != .picture else { throw AudioEditError.pictureLaneIsFollowed }
            var list = audio.clips(in: lane)
            guard i >= 0, i <= list.count else { throw ValidationError.outOfRange(field: "clip position", value: "\(i + 1)", range: "1…\(list.count + 1)") }
            guard audio.locate(c.id) == nil else { throw ValidationError.idCollision(c.id.raw) }
            try validate(clip: c, startChanged: true)
            list.insert(c, at: i)
            audio.clips[lane] = list
        case .deleteClip(let c, let lane, let i):
            guard let list = audio.clips[lane], i < list.count, list[i] == c else { throw ValidationError.stale("audio clip \(c.id)") }
            audio.clips[lane]!.remove(at: i)
            // An empty lane has no entry, so a value compares equal however it was reached.
            if audio.clips[lane]!.isEmpty { audio.clips[lane] = nil }
        case .updateClip(let old, let new):
            guard old.id == new.id, let (lane, i) = audio.locate(old.id), audio.clips[lane]![i] == old else {
                throw ValidationError.stale("audio clip \(old.id)")
            }
            try validate(clip: new, startChanged: new.start != old.start)
            audio.clips[lane]![i] = new
        case .updateLane(let old, let new):
            guard old.kind == new.kind, let i = audio.lanes.firstIndex(where: { $0.kind == old.kind }), audio.lanes[i] == old else {
                throw ValidationError.stale("\(old.kind.rawValue) lane")
            }
            try check(new.gainDB, "lane gain", AudioLimits.gainDB, unit: "dB")
            audio.lanes[i] = new
        case .updateDucking(let old, let new):
            guard audio.ducking == old else { throw ValidationError.stale("ducking") }
            try check(new.amountDB, "ducking amount", AudioLimits.duckAmountDB, unit: "dB")
            try check(new.attackMs, "ducking attack", AudioLimits.attackMs, unit: "ms")
            try check(new.releaseMs, "ducking release", AudioLimits.releaseMs, unit: "ms")
            audio.ducking = new
        }
    }

    private func check(_ v: Double, _ field: String, _ r: ClosedRange<Double>, unit: String) throws {
        guard v.isFinite else { throw ValidationError.invalidNumber(field: field, value: "\(v)", expected: "a finite number of \(unit)") }
        guard r.contains(v) else {
            throw ValidationError.outOfRange(field: field, value: "\(v) \(unit)", range: "\(r.lowerBound)…\(r.upperBound) \(unit)")
        }
    }

    private func validate(clip c: AudioClip, startChanged: Bool) throws {
        guard c.name.count <= Limits.maxNameLength else { throw ValidationError.textTooLong(field: "the clip name", limit: Limits.maxNameLength) }
        guard c.sourceSamples <= AudioLimits.maxSourceSamples else {
            throw AudioEditError.tooLong(seconds: Project.clock(c.sourceSamples), limit: "\(AudioLimits.maxSourceSeconds / 60) minutes")
        }
        guard c.inSample >= 0, c.inSample < c.outSample, c.outSample <= c.sourceSamples else {
            throw AudioEditError.trimOutside(inSample: c.inSample, outSample: c.outSample, sourceSamples: c.sourceSamples)
        }
        try check(c.gainDB, "clip gain", AudioLimits.gainDB, unit: "dB")
        guard c.fadeIn >= 0, c.fadeOut >= 0, c.fadeIn + c.fadeOut <= c.length else {
            throw AudioEditError.fadesLongerThanClip(fades: "\(Project.seconds(c.fadeIn)) + \(Project.seconds(c.fadeOut))", clip: Project.seconds(c.length))
        }
        guard c.start >= 0 else { throw ValidationError.invalidTime("\(c.start)") }
        if startChanged {
            guard duration > 0 else { throw AudioEditError.emptyTimeline }
            guard c.start < duration else {
                throw AudioEditError.pastTheEnd(start: String(format: "%.3f", frameRate.seconds(frames: c.start)),
                                                end: String(format: "%.3f", frameRate.seconds(frames: duration)))
            }
        }
        if case .voice(let v) = c.source { try Project.validate(voice: v) }
    }

    /// Checks a voice line's own values (the voice's existence is the speaker's to check).
    public static func validate(voice v: VoiceLine) throws {
        guard !v.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError.invalidNumber(field: "voice text", value: "", expected: "some words to speak")
        }
        guard v.text.utf8.count <= AudioLimits.maxVoiceText else { throw ValidationError.textTooLong(field: "the voice line", limit: AudioLimits.maxVoiceText) }
        guard !v.voice.isEmpty, v.voice.count <= 40,
              v.voice.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_+".contains($0)) }) else {
            throw AudioEditError.badVoiceName(v.voice)
        }
        guard AudioLimits.voiceRate.contains(v.rate) else {
            throw ValidationError.outOfRange(field: "voice rate", value: "\(v.rate)", range: "\(AudioLimits.voiceRate.lowerBound)…\(AudioLimits.voiceRate.upperBound) words a minute")
        }
        guard AudioLimits.voicePitch.contains(v.pitch) else {
            throw ValidationError.outOfRange(field: "voice pitch", value: "\(v.pitch)", range: "0…99")
        }
    }

    static func seconds(_ samples: Int) -> String { String(format: "%.3f", AudioClock.seconds(samples: samples)) }
    static func clock(_ samples: Int) -> String {
        let s = samples / AudioClock.sampleRate
        return String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
    }

    // MARK: Builders

    /// Places a new clip on `lane`; returns the edit and the clip's id.
    public func addingAudioClip(lane: AudioLaneKind, _ make: (AudioClipID) -> AudioClip) throws -> (Edit, AudioClipID) {
        let id = AudioClipID(number: nextIDNumber)
        let clip = make(id)
        let edit = Edit.group(label: "add \(lane.rawValue) clip \(id)", edits: [
            .advanceIDs(from: nextIDNumber, to: nextIDNumber + 1),
            .audio(.insertClip(clip, lane: lane, at: audio.clips(in: lane).count))])
        _ = try applying(edit)
        return (edit, id)
    }

    public func updatingAudioClip(_ id: AudioClipID, _ change: (inout AudioClip) throws -> Void) throws -> Edit {
        guard let old = audio.clip(id) else { throw AudioEditError.unknownClip(id.raw, count: audioClipCount) }
        var new = old
        try change(&new)
        let edit = Edit.audio(.updateClip(old: old, new: new))
        _ = try applying(edit)
        return edit
    }

    public func removingAudioClip(_ id: AudioClipID) throws -> Edit {
        guard let (lane, i) = audio.locate(id) else { throw AudioEditError.unknownClip(id.raw, count: audioClipCount) }
        return .audio(.deleteClip(audio.clips[lane]![i], lane: lane, at: i))
    }

    public func updatingAudioLane(_ kind: AudioLaneKind, _ change: (inout AudioLaneSettings) throws -> Void) throws -> Edit {
        let old = audio.lane(kind)
        var new = old
        try change(&new)
        let edit = Edit.audio(.updateLane(old: old, new: new))
        _ = try applying(edit)
        return edit
    }

    public func updatingDucking(_ change: (inout Ducking) throws -> Void) throws -> Edit {
        var new = audio.ducking
        try change(&new)
        let edit = Edit.audio(.updateDucking(old: audio.ducking, new: new))
        _ = try applying(edit)
        return edit
    }

    public var audioClipCount: Int { audio.clips.values.reduce(0) { $0 + $1.count } }

    /// Finds an audio clip by id ("au3").
    public func resolveAudioClip(_ text: String) throws -> AudioClip {
        guard let c = audio.clip(AudioClipID(raw: text)) else { throw AudioEditError.unknownClip(text, count: audioClipCount) }
        return c
    }
}
