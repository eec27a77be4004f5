@_exported import DigestCore
