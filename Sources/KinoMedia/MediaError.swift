import CFFmpeg
import Foundation
import KinoCore

/// Everything that can go wrong reading or writing media, each with one sentence a person can
/// act on. FFmpeg's error codes and errno values end here: callers see only these cases.
public enum MediaError: LocalizedError, Equatable, Sendable {
    /// The export codec's name is not one Kino knows.
    case unknownCodec(String)
    /// This FFmpeg build lacks an encoder or decoder that Kino needs.
    case codecUnavailable(String)
    /// The export settings cannot be encoded (size, rate, preset, crf).
    case invalidSettings(String)
    /// The folder to write into does not exist.
    case folderMissing(String)
    /// The folder to write into refuses writes (permissions or a read-only disk).
    case folderNotWritable(String)
    /// The destination exists and is something an export must not replace.
    case destinationInTheWay(String)
    /// The disk filled up while writing.
    case diskFull(String)
    /// The file grew past the process's file size limit (ulimit -f) or the file system's.
    case fileTooLarge(String)
    /// Any other write failure, with the system's reason.
    case writeFailed(path: String, reason: String)
    /// The export was cancelled; nothing was left at the destination.
    case cancelled
    /// The frame source returned a frame of no use, or the encoder refused one.
    case encodingFailed(String)
    /// The file to read does not exist.
    case fileNotFound(String)
    /// The file exists but is not a picture Kino can read.
    case notAnImage(String)
    /// The picture's format is recognised but its data is damaged.
    case corruptImage(String)
    /// The picture is larger than Kino decodes (`maxImagePixels`); `size` when its header tells.
    case imageTooLarge(String, size: String?)
    /// The file is not a video Kino can read.
    case unreadableVideo(path: String, reason: String)
    /// The file has no video stream (audio only, or data).
    case noVideoStream(String)
    /// A frame index outside the clip.
    case frameOutOfRange(index: Int, count: Int)

    public var errorDescription: String? {
        switch self {
        case .unknownCodec(let name):
            return "unknown codec '\(name)'; use one of \(ExportCodec.allCases.map(\.rawValue).joined(separator: ", "))."
        case .codecUnavailable(let name):
            return "this FFmpeg build has no \(name) codec; install a build that includes it."
        case .invalidSettings(let why):
            return "the export settings are not usable: \(why)."
        case .folderMissing(let path):
            return "the folder \(path) does not exist; create it or export elsewhere."
        case .folderNotWritable(let path):
            return "cannot write to the folder \(path); check its permissions or export elsewhere."
        case .destinationInTheWay(let path):
            return "\(path) is in the way and is not a previous export; remove it or choose another name."
        case .diskFull(let path):
            return "the disk is full while writing \(path); free some space or export to another disk."
        case .fileTooLarge(let path):
            return "\(path) grew past the file size limit; raise the limit (ulimit -f) or export a shorter range."
        case .writeFailed(let path, let reason):
            return "could not write \(path): \(reason)."
        case .cancelled:
            return "the export was cancelled; nothing was written."
        case .encodingFailed(let why):
            return "encoding failed: \(why)."
        case .fileNotFound(let path):
            return "\(path) does not exist; check the path."
        case .notAnImage(let path):
            return "\(path) is not a PNG, JPEG or WebP image."
        case .corruptImage(let path):
            return "\(path) is damaged and cannot be decoded; re-export or replace it."
        case .imageTooLarge(let path, let size):
            return "\(path) is too large\(size.map { " (\($0))" } ?? ""); Kino reads images up to \(maxImagePixels / 1_000_000) megapixels, such as 10000x10000 — scale it down first."
        case .unreadableVideo(let path, let reason):
            return "\(path) is not a readable video (\(reason))."
        case .noVideoStream(let path):
            return "\(path) has no video stream; choose a file with video in it."
        case .frameOutOfRange(let index, let count):
            return "frame \(index) is outside the clip, which has \(count) frames."
        }
    }
}

/// FFmpeg's text for an AVERROR code.
func averrorText(_ code: Int32) -> String {
    var buf = [CChar](repeating: 0, count: 128)
    return buf.withUnsafeMutableBufferPointer { b -> String in
        _ = av_strerror(code, b.baseAddress!, b.count)
        return String(cString: b.baseAddress!)
    }
}

/// Maps a failed write's errno to the error a person can act on.
func writeError(errno code: Int32, path: String) -> MediaError {
    let folder = parentFolder(of: path)
    switch code {
    case ENOSPC, EDQUOT: return .diskFull(path)
    case EFBIG: return .fileTooLarge(path)
    case EACCES, EPERM, EROFS: return .folderNotWritable(folder.isEmpty ? "." : folder)
    case ENOENT, ENOTDIR: return .folderMissing(folder.isEmpty ? "." : folder)
    default: return .writeFailed(path: path, reason: String(cString: strerror(code)))
    }
}

/// Maps an AVERROR from a write path (avio, muxer) to a MediaError.
func writeError(averror code: Int32, path: String) -> MediaError {
    // AVERROR(e) is -e for POSIX errors.
    if code < 0 && code > -4096 { return writeError(errno: -code, path: path) }
    return .writeFailed(path: path, reason: averrorText(code))
}
