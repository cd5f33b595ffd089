import Foundation

/// Writes `data` to `destination` the way exports write: under `.NAME.partial-PID-RANDOM`
/// beside it, renamed onto it only when complete. A missing folder is `MediaError.folderMissing`;
/// on any error nothing is left at the destination.
public func writeFileAtomically(_ data: Data, to destination: String) throws -> String {
    signal(SIGXFSZ, SIG_IGN)
    let temporary = try TemporaryDestination(destination: destination, isFolder: false)
    do {
        try data.withUnsafeBytes { try writeFile($0, to: temporary.path, reportingAs: temporary.destination) }
        try temporary.commit()
    } catch {
        temporary.discard()
        throw error
    }
    return temporary.destination
}

/// The absolute, standardised form of a destination and whether its folder exists.
public func checkedDestination(_ path: String) throws -> String {
    var dest = (path as NSString).standardizingPath
    if !dest.hasPrefix("/") { dest = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(dest) }
    let folder = (dest as NSString).deletingLastPathComponent
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
        throw MediaError.folderMissing(folder)
    }
    return dest
}
