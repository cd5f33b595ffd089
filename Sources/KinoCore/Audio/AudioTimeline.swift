/// An audio clip's id: "au3". Never reused, like every Kino id.
public struct AudioClipID: KinoID { public let raw: String; public init(raw: String) { self.raw = raw }; public static let prefix = "au" }

/// The lanes under the picture, in mixing order. `picture` is the shots' own sound: it has no
/// placed clips, it follows each shot wherever the shot moves and however long it becomes.
public enum AudioLaneKind: String, Hashable, Sendable, Codable, CaseIterable {
    case voice, music, effects, picture

    /// Accepts the lane's name or a common alias ("dialogue", "fx", "shots").
    public init(parsing text: String) throws {
        switch text.lowercased() {
        case "voice", "dialogue", "vo": self = .voice
        case "music": self = .music
        case "effects", "fx", "sfx": self = .effects
        case "picture", "shots", "shot": self = .picture
        default: throw AudioEditError.unknownLane(text)
        }
    }
}

/// The project's audio clock: 48,000 samples per second, whatever the frame rate.
public enum AudioClock {
    public static let sampleRate = 48_000

    /// The first sample of timeline frame `frame`, exact for every rational frame rate
    /// (24000/1001 gives 2,002 samples a frame).
    public static func sample(atFrame frame: Int, rate: FrameRate) -> Int {
        let r = rate.perSecond
        return Int(Int64(frame) * Int64(sampleRate) * r.denominator / r.numerator)
    }

    /// The frame that sample `sample` falls in.
    public static func frame(atSample sample: Int, rate: FrameRate) -> Int {
        let r = rate.perSecond
        return Int(Int64(sample) * r.numerator / (Int64(sampleRate) * r.denominator))
    }

    public static func samples(seconds: Double) -> Int { Int((seconds * Double(sampleRate)).rounded()) }
    public static func seconds(samples: Int) -> Double { Double(samples) / Double(sampleRate) }
}

/// A line of text for the voice-over, spoken in process by espeak-ng.
public struct VoiceLine: Hashable, Sendable, Codable {
    public var text: String
    /// An espeak-ng voice name: a language code such as "en", "en-us", "de", "fr", "es", with an optional variant ("+klatt2").
    public var voice: String
    /// Words per minute (espeak-ng's rate).
    public var rate: Int
    /// 0…99, 50 is the voice's normal pitch.
    public var pitch: Int
    public init(text: String, voice: String = "en-us+klatt2", rate: Int = 175, pitch: Int = 50) {
        self.text = text; self.voice = voice; self.rate = rate; self.pitch = pitch
    }
}

/// Where a clip's samples come from.
public enum AudioSource: Hashable, Sendable, Codable {
    /// A sound file (or a video's audio) decoded to 48 kHz; the hash refuses a changed file.
    case file(MediaReference)
    /// A voice line, spoken again from its text whenever needed (the result is cached).
    case voice(VoiceLine)
    /// A tone bed synthesised from a seed: the demo's music, no downloaded asset.
    case musicBed(seed: UInt64)

    public var summary: String {
        switch self {
        case .file(let m): return m.path.split(separator: "/").last.map(String.init) ?? m.path
        case .voice(let v): return "voice \(v.voice): \"\(v.text.prefix(40))\""
        case .musicBed(let s): return "music bed (seed \(s))"
        }
    }
}

/// One clip on a lane: which part of its source (in/out in 48 kHz samples), where on the
/// timeline (in frames), how loud, and its fades.
public struct AudioClip: Hashable, Sendable, Codable, Identifiable {
    public var id: AudioClipID
    public var name: String
    public var source: AudioSource
    /// How many 48 kHz samples the source has; the out point may not pass it.
    public var sourceSamples: Int
    /// Timeline frame where the clip's in point plays.
    public var start: Int
    public var inSample: Int
    public var outSample: Int
    public var gainDB: Double
    /// Fade lengths in samples, inside the clip.
    public var fadeIn: Int
    public var fadeOut: Int

    public init(id: AudioClipID, name: String = "", source: AudioSource, sourceSamples: Int, start: Int,
                inSample: Int = 0, outSample: Int? = nil, gainDB: Double = 0, fadeIn: Int = 0, fadeOut: Int = 0) {
        self.id = id; self.name = name; self.source = source; self.sourceSamples = sourceSamples
        self.start = start; self.inSample = inSample; self.outSample = outSample ?? sourceSamples
        self.gainDB = gainDB; self.fadeIn = fadeIn; self.fadeOut = fadeOut
    }

    /// Played length in samples.
    public var length: Int { outSample - inSample }
    public var title: String { name.isEmpty ? source.summary : name }
}

/// Music lowered under voice: by `amountDB`, reaching it in `attackMs` and recovering in `releaseMs`.
public struct Ducking: Hashable, Sendable, Codable {
    public var enabled: Bool
    public var amountDB: Double
    public var attackMs: Double
    public var releaseMs: Double
    public init(enabled: Bool = true, amountDB: Double = 12, attackMs: Double = 80, releaseMs: Double = 400) {
        self.enabled = enabled; self.amountDB = amountDB; self.attackMs = attackMs; self.releaseMs = releaseMs
    }
}

/// A lane's own controls: its gain and whether it is muted or soloed.
public struct AudioLaneSettings: Hashable, Sendable, Codable {
    public var kind: AudioLaneKind
    public var gainDB: Double
    public var mute: Bool
    public var solo: Bool
    public init(kind: AudioLaneKind, gainDB: Double = 0, mute: Bool = false, solo: Bool = false) {
        self.kind = kind; self.gainDB = gainDB; self.mute = mute; self.solo = solo
    }
}

/// Every lane with its clips, and the ducking rule: the sound half of a Project.
public struct AudioTimeline: Hashable, Sendable, Codable {
    /// One entry per AudioLaneKind, in `AudioLaneKind.allCases` order.
    public var lanes: [AudioLaneSettings]
    /// Clips per lane in timeline order of placement (the `picture` lane has none).
    public var clips: [AudioLaneKind: [AudioClip]]
    public var ducking: Ducking

    public init(lanes: [AudioLaneSettings] = AudioLaneKind.allCases.map { AudioLaneSettings(kind: $0) },
                clips: [AudioLaneKind: [AudioClip]] = [:], ducking: Ducking = Ducking()) {
        self.lanes = lanes; self.clips = clips; self.ducking = ducking
    }

    public func lane(_ kind: AudioLaneKind) -> AudioLaneSettings {
        lanes.first { $0.kind == kind } ?? AudioLaneSettings(kind: kind)
    }
    public func clips(in kind: AudioLaneKind) -> [AudioClip] { clips[kind] ?? [] }

    /// Where a clip is: its lane and index.
    public func locate(_ id: AudioClipID) -> (lane: AudioLaneKind, index: Int)? {
        for k in AudioLaneKind.allCases {
            if let i = clips[k]?.firstIndex(where: { $0.id == id }) { return (k, i) }
        }
        return nil
    }
    public func clip(_ id: AudioClipID) -> AudioClip? { locate(id).map { clips[$0.lane]![$0.index] } }

    /// Whether a lane is heard: not muted, and either nothing is soloed or it is.
    public func isAudible(_ kind: AudioLaneKind) -> Bool {
        let anySolo = lanes.contains { $0.solo }
        let l = lane(kind)
        return !l.mute && (!anySolo || l.solo)
    }

    public var isEmpty: Bool { clips.values.allSatisfy(\.isEmpty) }
}

extension Project {
    /// Whether the project makes any sound: a placed clip, or a shot with its own sound.
    public var hasSound: Bool { !audio.isEmpty || shots.contains { $0.sourceVideo != nil } }
}
