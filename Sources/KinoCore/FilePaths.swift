/// Splitting a path into its folder and its name, for any text a person may pass as a path.
/// Foundation's `NSString.deletingLastPathComponent` traps on every one-character path ("a",
/// " ", "\r"), so Kino splits paths here and nowhere else.

/// The folder part of `path`: "" for a bare name, "/" for a file at the root.
public func parentFolder(of path: String) -> String {
    var p = Substring(path)
    while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
    guard let slash = p.lastIndex(of: "/") else { return "" }
    if slash == p.startIndex { return "/" }
    var folder = p[..<slash]
    while folder.count > 1, folder.hasSuffix("/") { folder = folder.dropLast() }
    return String(folder)
}

/// The last component of `path` (trailing slashes ignored); the path itself when it has none.
public func fileName(of path: String) -> String {
    var p = Substring(path)
    while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
    guard let slash = p.lastIndex(of: "/"), p != "/" else { return String(p) }
    return String(p[p.index(after: slash)...])
}
