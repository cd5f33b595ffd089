import Foundation

/// One change to the sound of a project, with its exact inverse. Carried by `Edit.audio`, so
/// it is journaled, undone and redone like every other edit.
public enum AudioEdit: Hashable, Sendable, Codable {
    case insertClip(AudioClip, lane: AudioLaneKind, at: Int)
    case deleteClip(AudioClip, lane: AudioLaneKind, at: Int)
    case updateClip(old: AudioClip, new: AudioClip)
    case updateLane(old: AudioLaneSettings, new: AudioLaneSettings)
    case updateDucking(old: Ducking, new: Ducking)

    public var inverse: AudioEdit {
        switch self {
        case .insertClip(let c, let l, let i): return .deleteClip(c, lane: l, at: i)
        case .deleteClip(let c, let l, let i): return .insertClip(c, lane: l, at: i)
        case .updateClip(let o, let n): return .updateClip(old: n, new: o)
        case .updateLane(let o, let n): return .updateLane(old: n, new: o)
        case .updateDucking(let o, let n): return .updateDucking(old: n, new: o)
        }
    }

    public var label: String {
        switch self {
        case .insertClip(let c, let l, _): return "add \(l.rawValue) clip \(c.id)"
        case .deleteClip(let c, let l, _): return "remove \(l.rawValue) clip \(c.id)"
        case .updateClip(_, let c): return "change audio clip \(c.id)"
        case .updateLane(_, let l): return "change \(l.kind.rawValue) lane"
        case .updateDucking: return "change ducking"
        }
    }
}

/// Why an audio value or edit was refused; each reads as a sentence a person can act on.
public enum AudioEditError: Error, Hashable, Sendable, LocalizedError {
    case unknownLane(String)
    case unknownClip(String, count: Int)
    case pictureLaneIsFollowed
    case pastTheEnd(start: String, end: String)
    case emptyTimeline
    case fadesLongerThanClip(fades: String, clip: String)
    case trimOutside(inSample: Int, outSample: Int, sourceSamples: Int)
    case tooLong(seconds: String, limit: String)
    case badVoiceName(String)

    public var errorDescription: String? {
        switch self {
        case .unknownLane(let s): return "audio lane '\(s)' is unknown; choose one of \(AudioLaneKind.allCases.map(\.rawValue).joined(separator: ", "))"
        case .unknownClip(let s, let c): return "audio clip \(s) does not exist; the project has \(c) audio clip\(c == 1 ? "" : "s") ('kino audio list' shows them)"
        case .pictureLaneIsFollowed: return "the picture lane holds each shot's own sound and follows the shots; place clips on voice, music or effects"
        case .pastTheEnd(let s, let e): return "a clip starting at \(s) s is past the end of the timeline (\(e) s); start it earlier"
        case .emptyTimeline: return "the timeline has no shots yet; add a shot before placing sound"
        case .fadesLongerThanClip(let f, let c): return "fades of \(f) s are longer than the clip (\(c) s); shorten the fades"
        case .trimOutside(let i, let o, let n): return "trim \(i)…\(o) is outside the source's \(n) samples; use 0 ≤ in < out ≤ \(n)"
        case .tooLong(let s, let l): return "the sound is \(s) long; Kino takes sources up to \(l)"
        case .badVoiceName(let s): return "voice '\(s)' is not a voice name; use a language code such as en, en-us, de, fr or es"
        }
    }
}

/// Limits that audio validation enforces; documented in Docs/FileFormat.md.
public enum AudioLimits {
    /// Longest source: one hour (a 3-hour file is refused rather than held in memory).
    public static let maxSourceSeconds = 3600
    public static let gainDB: ClosedRange<Double> = -60...24
    public static let duckAmountDB: ClosedRange<Double> = 0...40
    public static let attackMs: ClosedRange<Double> = 1...2000
    public static let releaseMs: ClosedRange<Double> = 1...5000
    /// A voice line's text: about two minutes of speech.
    public static let maxVoiceText = 2000
    public static let voiceRate: ClosedRange<Int> = 80...450
    public static let voicePitch: ClosedRange<Int> = 0...99
    public static var maxSourceSamples: Int { maxSourceSeconds * AudioClock.sampleRate }
}
