import Foundation

/// The channels of a camera path: what the curve editor cycles through.
public enum CameraChannel: String, Hashable, Sendable, Codable, CaseIterable {
    case positionX = "position.x", positionY = "position.y", positionZ = "position.z"
    case targetX = "target.x", targetY = "target.y", targetZ = "target.z"
    case roll
    case focalLength = "focal-length"
}

/// The camera's motion through a shot: position and look-at target in world metres (y up),
/// roll in degrees, focal length in mm (35 mm full-frame equivalent). Every channel is an
/// AnimationCurve over the shot's frames.
public struct CameraPath: Hashable, Sendable, Codable {
    public var channels: [CameraChannel: AnimationCurve]

    public init(channels: [CameraChannel: AnimationCurve]) {
        var c = channels
        for ch in CameraChannel.allCases where c[ch] == nil {
            c[ch] = AnimationCurve(constant: CameraPath.defaultValue(ch))
        }
        self.channels = c
    }

    /// A static camera 1.6 m up, 6 m back, looking at the origin at chest height.
    public static var standard: CameraPath { CameraPath(channels: [:]) }

    public static func defaultValue(_ ch: CameraChannel) -> Double {
        switch ch {
        case .positionX: return 0
        case .positionY: return 1.6
        case .positionZ: return 6
        case .targetX: return 0
        case .targetY: return 1.2
        case .targetZ: return 0
        case .roll: return 0
        case .focalLength: return 35
        }
    }

    public subscript(_ ch: CameraChannel) -> AnimationCurve {
        get { channels[ch] ?? AnimationCurve(constant: CameraPath.defaultValue(ch)) }
        set { channels[ch] = newValue }
    }

    /// Every frame on which any channel has a key (for timeline ticks).
    public var keyFrames: [Double] {
        Array(Set(channels.values.flatMap { $0.keys.map(\.frame) })).sorted()
    }

    // Codable as a dictionary keyed by channel name, so the JSON stays readable.
    public init(from decoder: Decoder) throws {
        let raw = try [String: AnimationCurve](from: decoder)
        var c: [CameraChannel: AnimationCurve] = [:]
        for (k, v) in raw {
            guard let ch = CameraChannel(rawValue: k) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown camera channel \(k)"))
            }
            c[ch] = v
        }
        self.init(channels: c)
    }
    public func encode(to encoder: Encoder) throws {
        var raw: [String: AnimationCurve] = [:]
        for (k, v) in channels { raw[k.rawValue] = v }
        try raw.encode(to: encoder)
    }
}

/// One sampled camera pose.
public struct CameraPose: Hashable, Sendable, Codable {
    public var position: Vec3
    public var target: Vec3
    public var roll: Double
    public var focalLength: Double
    public init(position: Vec3, target: Vec3, roll: Double, focalLength: Double) {
        self.position = position; self.target = target; self.roll = roll; self.focalLength = focalLength
    }
}

/// The named camera moves. Applying one writes ordinary keyframes the user can then tweak.
public enum CameraPreset: String, Hashable, Sendable, Codable, CaseIterable {
    case `static`, pan, tilt, roll, zoom, dolly, truck, pedestal, orbit, follow, crane, handheld
}

extension CameraPath {
    /// The camera pose at `frame` (fractional frames allowed).
    public func pose(at frame: Double) -> CameraPose {
        CameraPose(position: Vec3(self[.positionX].value(at: frame), self[.positionY].value(at: frame), self[.positionZ].value(at: frame)),
                   target: Vec3(self[.targetX].value(at: frame), self[.targetY].value(at: frame), self[.targetZ].value(at: frame)),
                   roll: self[.roll].value(at: frame), focalLength: self[.focalLength].value(at: frame))
    }

    /// One pose per whole frame 0..<frames (what `kino camera show --json` prints).
    public func sampled(frames: Int) -> [CameraPose] {
        (0..<max(frames, 0)).map { pose(at: Double($0)) }
    }
}

extension CameraPose {
    /// The value this pose has on `channel`.
    public subscript(_ channel: CameraChannel) -> Double {
        switch channel {
        case .positionX: return position.x
        case .positionY: return position.y
        case .positionZ: return position.z
        case .targetX: return target.x
        case .targetY: return target.y
        case .targetZ: return target.z
        case .roll: return roll
        case .focalLength: return focalLength
        }
    }

    /// From the camera to what it looks at.
    public var viewDirection: Vec3 { target - position }
}

extension CameraPath {
    /// The 35 mm-equivalent focal length (24 mm frame height) giving a vertical field of view
    /// of `degrees`.
    public static func focalLength(verticalFieldOfView degrees: Double) -> Double {
        12 / tan(degrees * .pi / 360)
    }
}
