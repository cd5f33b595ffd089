import Foundation
import KinoCore

/// The formats Kino exports: each picks a container, an encoder and a pixel format.
public enum ExportCodec: String, CaseIterable, Sendable {
    /// MP4, H.264 (libx264), yuv420p, BT.709 limited range, +faststart.
    case h264
    /// MOV, ProRes 422 HQ (prores_ks profile 3), yuv422p10le, BT.709.
    case prores
    /// MKV, FFV1 level 3 in bgr0: lossless for 8-bit RGB.
    case ffv1
    /// A folder of numbered PNGs, frame_000001.png onwards, RGB.
    case png

    /// Parses a user-typed codec name ("h264", "H.264", "prores", "ffv1", "png").
    public static func parse(_ text: String) throws -> ExportCodec {
        let t = text.lowercased().replacingOccurrences(of: ".", with: "")
        switch t {
        case "h264", "avc", "x264", "libx264": return .h264
        case "prores", "prores_ks", "prores422", "proreshq": return .prores
        case "ffv1": return .ffv1
        case "png": return .png
        default: throw MediaError.unknownCodec(text)
        }
    }

    /// The codec a destination's name implies: .mp4 → h264, .mov → prores, .mkv → ffv1,
    /// no extension (a folder) → png; nil for anything else.
    public static func implied(byDestination path: String) -> ExportCodec? {
        switch (path as NSString).pathExtension.lowercased() {
        case "mp4", "m4v": return .h264
        case "mov": return .prores
        case "mkv": return .ffv1
        case "": return .png
        default: return nil
        }
    }

    /// The file name extension a destination usually carries ("" for the PNG folder).
    public var fileExtension: String {
        switch self {
        case .h264: return "mp4"
        case .prores: return "mov"
        case .ffv1: return "mkv"
        case .png: return ""
        }
    }

    /// Whether the codec's chroma subsampling needs even dimensions; odd sizes are padded by
    /// repeating the last column and/or row (4:2:0 needs both even, 4:2:2 an even width).
    var needsEvenWidth: Bool { self == .h264 || self == .prores }
    var needsEvenHeight: Bool { self == .h264 }
}

/// How to encode an export. `width`×`height` is the size of the frames handed in; frames of
/// another size are scaled to it.
public struct ExportSettings: Hashable, Sendable {
    public var codec: ExportCodec
    /// libx264's constant rate factor, 0 (lossless) to 51; lower is better. H.264 only.
    public var crf: Int
    /// libx264's speed preset, ultrafast … veryslow. H.264 only.
    public var preset: String
    public var frameRate: FrameRate
    public var width: Int
    public var height: Int
    /// Chapters and the `kino` record written into MP4/MOV/MKV (ignored for PNG).
    public var provenance: ExportProvenance?

    public init(codec: ExportCodec = .h264, crf: Int = 18, preset: String = "medium",
                frameRate: FrameRate, width: Int, height: Int) {
        self.codec = codec; self.crf = crf; self.preset = preset
        self.frameRate = frameRate; self.width = width; self.height = height
    }

    /// Settings for frames of a project's resolution.
    public init(codec: ExportCodec = .h264, crf: Int = 18, preset: String = "medium",
                frameRate: FrameRate, resolution: Resolution) {
        self.init(codec: codec, crf: crf, preset: preset, frameRate: frameRate,
                  width: resolution.width, height: resolution.height)
    }

    static let x264Presets = ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium",
                              "slow", "slower", "veryslow", "placebo"]

    /// Throws `MediaError.invalidSettings` for values no encoder accepts.
    public func validate() throws {
        guard width > 0, height > 0, width <= 16384, height <= 16384 else {
            throw MediaError.invalidSettings("size \(width)x\(height) is outside 1x1…16384x16384")
        }
        guard (0...51).contains(crf) else {
            throw MediaError.invalidSettings("crf \(crf) is outside 0…51")
        }
        guard ExportSettings.x264Presets.contains(preset) else {
            throw MediaError.invalidSettings(
                "preset '\(preset)' is not one of \(ExportSettings.x264Presets.joined(separator: ", "))")
        }
    }

    /// The size actually encoded: the frame size, rounded up to even where the codec's
    /// chroma subsampling needs it.
    public var encodedWidth: Int { codec.needsEvenWidth ? (width + 1) & ~1 : width }
    public var encodedHeight: Int { codec.needsEvenHeight ? (height + 1) & ~1 : height }
}

/// What an export wrote.
public struct ExportSummary: Hashable, Sendable {
    /// The finished file (or folder, for PNG).
    public var destination: String
    public var codec: ExportCodec
    public var frameCount: Int
    /// Encoded size (odd sizes padded to even for H.264 and ProRes).
    public var width: Int
    public var height: Int
    /// Exact duration: frameCount / frame rate, in seconds.
    public var duration: Rational
    /// Bytes written (the sum of the PNG files for a sequence).
    public var bytes: Int64
}
