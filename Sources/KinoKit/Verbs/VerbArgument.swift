import Foundation
import KinoCore
import KinoEngine

/// What a verb's argument accepts. Each kind has one parser and one completer, so a time,
/// a shot or a preset is read the same way by the CLI, the `:` line and `kino batch`.
public enum ArgumentKind: Hashable, Sendable {
    /// Free text: a prompt, a name, a description.
    case text
    /// A time within the shot: seconds or timecode from its start; negative seconds count
    /// from its end (`-2` is two seconds before the end).
    case shotTime
    /// A range of the timeline, A-B in seconds or timecode.
    case timelineRange
    /// A length: seconds or timecode, at least one frame and at most 600 s.
    case duration
    /// A decimal number within limits.
    case number(ClosedRange<Double>)
    /// A whole number within limits.
    case integer(ClosedRange<Int>)
    /// A seed, a whole number ≥ 0.
    case seed
    /// Three numbers X,Y,Z in metres.
    case vector
    /// A shot by id (sh3) or 1-based position.
    case shot
    /// A scene by id, 1-based position or name.
    case scene
    /// A character by id or name.
    case character
    /// A lighting setup by id or name; `none` where the argument allows clearing it.
    case lighting
    /// A take by id (tk3) or its number among the shot's complete takes.
    case take
    /// One of a fixed list of words (codec, preview mode, interpolation, preset, …).
    case choice([String])
    /// A switch: present or not.
    case flag
    /// A file or folder path.
    case path
}

/// One argument of a verb: its name (the CLI's `--name` and the `:` line's `--name`), kind,
/// help, and how the `:` line may give it.
public struct VerbArgument: Hashable, Sendable {
    public var name: String
    public var kind: ArgumentKind
    public var help: String
    public var required: Bool
    /// May be given several times (`--character A --character B`); `none` clears.
    public var repeatable: Bool
    /// On the `:` line, taken in order from the bare words; the last text argument takes the
    /// rest of the line.
    public var positional: Bool
    /// In the editor, the selection fills it when it is not typed (the selected shot).
    public var fromSelection: Bool
    /// Accepts `none` (clearing the value), for lighting.
    public var allowsNone: Bool

    public init(_ name: String, _ kind: ArgumentKind, _ help: String, required: Bool = false, repeatable: Bool = false,
                positional: Bool = false, fromSelection: Bool = false, allowsNone: Bool = false) {
        self.name = name; self.kind = kind; self.help = help; self.required = required
        self.repeatable = repeatable; self.positional = positional; self.fromSelection = fromSelection
        self.allowsNone = allowsNone
    }

    /// Its name in usage lines: PROMPT, FROM, CHANNEL; X,Y,Z for a vector.
    var placeholder: String { kind == .vector ? "X,Y,Z" : name.uppercased() }

    /// The argument's field name in error sentences.
    var field: String { name }

    /// Parses one typed value; `shot` is the verb's shot when already known (times inside it).
    func parse(_ text: String, project p: Project, shot: Shot?) throws -> ArgumentValue {
        let rate = p.frameRate
        switch kind {
        case .text:
            return .text(text)
        case .path:
            guard !text.isEmpty else { throw ValidationError.invalidNumber(field: field, value: text, expected: "a file name") }
            return .text(text)
        case .shotTime:
            return .frames(try Self.shotFrame(text, shot: shot, rate: rate, field: field))
        case .timelineRange:
            let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { throw ValidationError.invalidTime(text) }
            let a = try CheckedNumber.time(parts[0], rate: rate), b = try CheckedNumber.time(parts[1], rate: rate)
            guard b > a else { throw ValidationError.outOfRange(field: field, value: text, range: "a start before its end") }
            return .range(a..<b)
        case .duration:
            guard let frames = try? CheckedNumber.time(text, rate: rate), frames > 0,
                  rate.seconds(frames: frames) <= Limits.maxShotSeconds else { throw ValidationError.invalidDuration(text) }
            return .frames(frames)
        case .number(let r):
            return .number(try CheckedNumber.decimal(text, field: field, range: r))
        case .integer(let r):
            return .integer(try CheckedNumber.whole(text, field: field, range: r))
        case .seed:
            return .seed(try CheckedNumber.seed(text))
        case .vector:
            let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 else { throw ValidationError.invalidVector(text) }
            var v: [Double] = []
            for part in parts {
                guard let x = try? CheckedNumber.decimal(part, field: field, range: -1e6...1e6) else { throw ValidationError.invalidVector(text) }
                v.append(x)
            }
            return .vector(Vec3(v[0], v[1], v[2]))
        case .shot:
            return .shot(try p.resolveShot(text).id)
        case .scene:
            return .scene(try p.resolveScene(text).id)
        case .character:
            return .characters([try p.resolveCharacter(text).id])
        case .lighting:
            if allowsNone && text.lowercased() == "none" { return .lighting(nil) }
            return .lighting(try p.resolveLighting(text).id)
        case .take:
            return .text(text)
        case .choice(let words):
            let t = text.lowercased()
            guard words.contains(t) else {
                throw ValidationError.invalidNumber(field: field, value: text, expected: "one of " + words.joined(separator: ", "))
            }
            return .text(t)
        case .flag:
            switch text.lowercased() {
            case "", "true", "yes", "on": return .flag(true)
            case "false", "no", "off": return .flag(false)
            default: throw ValidationError.invalidNumber(field: field, value: text, expected: "no value (it is a switch)")
            }
        }
    }

    /// A time value parsed as this argument would parse it, as frames.
    public func frames(_ text: String, in p: Project, shot: Shot?) throws -> Int {
        guard case .frames(let f) = try parse(text, project: p, shot: shot) else { throw ValidationError.invalidTime(text) }
        return f
    }

    /// A time within a shot: seconds or timecode from its start, or negative seconds from its
    /// end; it must fall within the shot (0 … its length).
    static func shotFrame(_ text: String, shot: Shot?, rate: FrameRate, field: String) throws -> Int {
        let t = text.trimmingCharacters(in: .whitespaces)
        let frame: Int
        if t.hasPrefix("-") {
            let s = try CheckedNumber.decimal(t, field: field, range: -Limits.maxShotSeconds...0)
            guard let shot else { throw ValidationError.invalidTime(text) }
            frame = shot.duration + rate.frames(seconds: s)
        } else {
            frame = try CheckedNumber.time(t, rate: rate)
        }
        if let shot, frame < 0 || frame > shot.duration {
            throw ValidationError.outOfRange(field: field, value: text,
                                             range: String(format: "0…%@ s (shot %@'s length; negative counts from its end)",
                                                           Self.seconds(shot.duration, rate), shot.id.raw))
        }
        return frame
    }

    static func seconds(_ frames: Int, _ rate: FrameRate) -> String {
        var t = String(format: "%.3f", rate.seconds(frames: frames))
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }

    /// Candidates for this argument in `project` (for Tab on the `:` line and shell completion).
    public func completions(in p: Project) -> [String] {
        switch kind {
        case .shot: return p.shots.map(\.id.raw)
        case .scene: return p.scenes.map(\.name)
        case .character: return p.characters.map(\.name)
        case .lighting: return p.lightingSetups.map(\.name) + (allowsNone ? ["none"] : [])
        case .choice(let words): return words
        case .flag: return []
        default: return []
        }
    }
}

/// A parsed, typed argument value.
public enum ArgumentValue: Hashable, Sendable {
    case text(String)
    case frames(Int)
    case range(Range<Int>)
    case number(Double)
    case integer(Int)
    case seed(UInt64)
    case vector(Vec3)
    case shot(ShotID)
    case scene(SceneID)
    case characters([CharacterID])
    case lighting(LightingID?)
    case flag(Bool)
    /// A start image, checked and hashed (filled in by a verb's preparation on the session).
    case image(MediaReference)
    /// Footage, probed and hashed, with its length in seconds.
    case footage(VideoSource, seconds: Double)
}
