import Foundation
import KinoCore
import KinoEngine
import KinoMedia

/// The one rule that picks an export's codec from its destination: .mp4 h264, .mov prores,
/// .mkv ffv1, a folder (no extension) png. A codec asked for that does not match the name is
/// refused with the name it needs, before anything renders.
public enum ExportDestination {
    public enum Refusal: Error, LocalizedError, Hashable, Sendable {
        case unknownExtension(String)
        case mismatch(codec: ExportCodec, path: String, suggestion: String)
        case missingFolder(String)
        case notAFolder(String)

        public var errorDescription: String? {
            switch self {
            case .unknownExtension(let ext):
                return "cannot export to a .\(ext) file; use .mp4 (h264), .mov (prores), .mkv (ffv1) or a folder name without an extension (png)"
            case .mismatch(let c, let p, let s):
                return c == .png ? "--codec png writes a folder of PNG frames, not \(p); give a folder name such as \(s)"
                    : "--codec \(c.rawValue) writes a .\(c.fileExtension) file, not \(p); name it \(s)"
            case .missingFolder(let d): return "folder \(d) does not exist; create it first (nothing was rendered)"
            case .notAFolder(let d): return "\(d) is not a folder; choose a destination inside a folder"
            }
        }
    }

    /// The codec `path` asks for, checked against `requested`, and the folder it goes into.
    public static func codec(for path: String, requested: ExportCodec? = nil) throws -> ExportCodec {
        let ext = (path as NSString).pathExtension.lowercased()
        guard let implied = ExportCodec.implied(byDestination: path) else {
            if let requested, requested != .png { throw Refusal.mismatch(codec: requested, path: path, suggestion: renamed(path, requested)) }
            throw Refusal.unknownExtension(ext)
        }
        if let requested, requested != implied {
            throw Refusal.mismatch(codec: requested, path: path, suggestion: renamed(path, requested))
        }
        return implied
    }

    /// Refuses a destination whose folder does not exist (checked before rendering).
    public static func checkFolder(of path: String) throws {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        var parent = (trimmed as NSString).deletingLastPathComponent
        if parent.isEmpty { parent = "." }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDir) else { throw Refusal.missingFolder(parent) }
        guard isDir.boolValue else { throw Refusal.notAFolder(parent) }
    }

    static func renamed(_ path: String, _ codec: ExportCodec) -> String {
        let base = (path as NSString).deletingPathExtension
        return codec == .png ? base : base + "." + codec.fileExtension
    }
}
