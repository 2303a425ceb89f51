// The fixed part of install.ps1 (Windows PowerShell 5.1 and PowerShell 7). It reads only the variables
// and functions ps1.ts generates. Written as a template literal: \\ below is one backslash; the
// script uses no backticks and no ${...} so that nothing in it is a template artefact.
export const PS1_BODY = `Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'
# Invoke-WebRequest in Windows PowerShell 5.1 is many times slower while it draws progress.
$ProgressPreference = 'SilentlyContinue'

function Fail([string]$Message) {
    throw ('{0} installer: error: {1}' -f $Name, $Message)
}

function Get-Architecture {
    $seen = @()
    try {
        $seen += [System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture.ToString()
    } catch {
        # Windows PowerShell on an older .NET Framework: fall back to the environment.
    }
    foreach ($variable in @('PROCESSOR_ARCHITEW6432', 'PROCESSOR_ARCHITECTURE')) {
        $value = [Environment]::GetEnvironmentVariable($variable)
        if ($value) { $seen += $value }
    }
    foreach ($value in $seen) {
        $arch = ConvertTo-GoArch $value
        if ($arch) { return $arch }
    }
    if ($seen.Count -gt 0) { return $seen[0].ToLowerInvariant() }
    return 'unknown'
}

function Get-Download([string]$From, [string]$To) {
    Write-Host ('downloading ' + $From)
    try {
        Invoke-WebRequest -Uri $From -OutFile $To -UseBasicParsing
    } catch {
        Fail ('could not download {0}: {1}' -f $From, $_.Exception.Message)
    }
}

function Get-Sha256([string]$Path) {
    if (Get-Command Get-FileHash -ErrorAction SilentlyContinue) {
        return (Get-FileHash -LiteralPath $Path -Algorithm SHA256).Hash.ToLowerInvariant()
    }
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $stream = [System.IO.File]::OpenRead($Path)
    try {
        return ([System.BitConverter]::ToString($sha.ComputeHash($stream)) -replace '-', '').ToLowerInvariant()
    } finally {
        $stream.Dispose()
        $sha.Dispose()
    }
}

# The checksum line for a file: "<64 hex>  <name>" (or " *<name>", sha256sum's binary mode).
function Get-ExpectedSha256([string]$SumsPath, [string]$File) {
    $expected = $null
    foreach ($line in [System.IO.File]::ReadAllLines($SumsPath)) {
        if ($line -cmatch '^([0-9A-Fa-f]{64}) [ *](.+)$' -and $Matches[2] -ceq $File) {
            $hash = $Matches[1].ToLowerInvariant()
            if ($expected -and $expected -ne $hash) {
                Fail ('{0} lists {1} twice with different checksums: refusing to install' -f $Sums, $File)
            }
            $expected = $hash
        }
    }
    return $expected
}

function Test-Signature([string]$Gpg, [string]$Dir) {
    $gnupgHome = Join-Path $Dir 'gnupg'
    $log = Join-Path $Dir 'gpg.log'
    $status = Join-Path $Dir 'gpg.status'
    # A throwaway keyring holding only the release's key; the user's own keyring is never touched.
    New-Item -ItemType Directory -Path $gnupgHome | Out-Null
    Set-Content -LiteralPath (Join-Path $gnupgHome 'common.conf') -Value ''
    & $Gpg --batch --no-tty --homedir $gnupgHome --log-file $log --import (Join-Path $Dir $PublicKey) | Out-Null
    if ($LASTEXITCODE -ne 0) {
        Fail ('could not import {0}: {1}' -f $PublicKey, (Get-Content -LiteralPath $log -Raw))
    }
    & $Gpg --batch --no-tty --homedir $gnupgHome --log-file $log --status-file $status --verify (Join-Path $Dir $Signature) (Join-Path $Dir $Sums) | Out-Null
    $verified = $LASTEXITCODE -eq 0
    $gpgconf = Get-Command gpgconf -CommandType Application -ErrorAction SilentlyContinue
    if ($gpgconf) {
        try { & $gpgconf.Source --homedir $gnupgHome --kill all | Out-Null } catch { Write-Verbose 'gpgconf --kill failed' }
    }
    if (-not $verified) {
        Fail ('BAD or unusable signature: {0} does not verify {1} with {2}: refusing to install. gpg said: {3}' -f $Signature, $Sums, $PublicKey, (Get-Content -LiteralPath $log -Raw))
    }
    $signer = $null
    $pinned = $false
    foreach ($line in [System.IO.File]::ReadAllLines($status)) {
        if ($line.StartsWith('[GNUPG:] VALIDSIG ')) {
            $fields = $line.Split(' ')
            $signer = $fields[2]
            if ($KeyFingerprint -and ($fields -contains $KeyFingerprint)) { $pinned = $true }
        }
    }
    if (-not $signer) { Fail ('gpg reported no valid signature on {0}: refusing to install' -f $Sums) }
    if ($KeyFingerprint -and -not $pinned) {
        Fail ('{0} is signed by key {1}, not by {2}: refusing to install' -f $Sums, $signer, $KeyFingerprint)
    }
    if ($KeyFingerprint) {
        Write-Host ('good signature on {0} from key {1}' -f $Sums, $KeyFingerprint)
    } else {
        Write-Host ('good signature on {0} from key {1} (the key came with the release; compare its fingerprint with one you trust)' -f $Sums, $signer)
    }
}

# Moves a staged file over the installed one. A running .exe cannot be overwritten but can be
# renamed, so the old file is moved aside first and deleted when it is no longer in use.
function Install-Staged([string]$Staged, [string]$Target) {
    $aside = $Target + '.old-' + [Guid]::NewGuid().ToString('N')
    if (Test-Path -LiteralPath $Target) { [System.IO.File]::Move($Target, $aside) }
    try {
        [System.IO.File]::Move($Staged, $Target)
    } catch {
        if (Test-Path -LiteralPath $aside) { [System.IO.File]::Move($aside, $Target) }
        throw
    }
    if (Test-Path -LiteralPath $aside) { Remove-Item -LiteralPath $aside -Force -ErrorAction SilentlyContinue }
}

# Appends a directory to the user's PATH in the registry, keeping the other entries unexpanded
# (reading Path through [Environment] would turn %USERPROFILE% entries into fixed paths).
function Add-UserPath([string]$Dir) {
    $key = 'Registry::HKEY_CURRENT_USER\\Environment'
    $current = (Get-Item -LiteralPath $key).GetValue('Path', '', 'DoNotExpandEnvironmentNames')
    $entries = @(([string]$current).Split(';') | Where-Object { $_ -ne '' })
    foreach ($entry in $entries) {
        if ($entry.TrimEnd('\\') -eq $Dir.TrimEnd('\\')) { return $false }
    }
    Set-ItemProperty -LiteralPath $key -Name 'Path' -Value ((@($entries) + $Dir) -join ';') -Type ExpandString
    # Setting a user variable through .NET broadcasts the change, so new terminals see the new Path.
    [Environment]::SetEnvironmentVariable($BaseUrlVariable + '_PATH_UPDATED', '1', 'User')
    [Environment]::SetEnvironmentVariable($BaseUrlVariable + '_PATH_UPDATED', [NullString]::Value, 'User')
    $env:Path = $env:Path.TrimEnd(';') + ';' + $Dir
    return $true
}

if ((Test-Path -LiteralPath 'variable:IsWindows') -and -not $IsWindows) {
    Fail 'this is not Windows: use install.sh from the same release'
}

# Accept 1.2.3 and v1.2.3; the tag and the file names are rebuilt around the plain version.
$Version = $Version.Trim()
if ($Version.StartsWith('v')) { $Version = $Version.Substring(1) }
if ($Version -cnotmatch '^[0-9A-Za-z][0-9A-Za-z.+~-]*$') { Fail ('not a version: ' + $Version) }
$Tag = $TagPrefix + $Version + $TagSuffix

$BaseUrl = [Environment]::GetEnvironmentVariable($BaseUrlVariable)
if (-not $BaseUrl) { $BaseUrl = $DefaultBaseUrl }
$BaseUrl = $BaseUrl.TrimEnd('/')
if ($BaseUrl -notmatch '^https?://') { Fail ('{0} must be an http(s) URL, not: {1}' -f $BaseUrlVariable, $BaseUrl) }
if ($BaseUrl -match '^http://') { Write-Warning ('downloading over plain http from ' + $BaseUrl) }
if ($PSVersionTable.PSVersion.Major -lt 6) {
    # Windows PowerShell 5.1 may default to TLS 1.0, which GitHub refuses.
    [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
}
$Url = $BaseUrl + '/' + $Tag

$Platform = 'windows/' + (Get-Architecture)
$Asset = Get-AssetName $Version $Platform
if (-not $Asset) { Fail ('no {0} build for {1}; available: {2}' -f $Name, $Platform, ($Platforms -join ' ')) }
$Sums = Get-ChecksumsName $Version
$Signature = Get-SignatureName $Version
$PublicKey = Get-PublicKeyName $Version
$Gpg = Get-Command gpg -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
if ($VerifySignature) {
    if (-not $Gpg) { Fail '-VerifySignature needs gpg (GnuPG, e.g. from Gpg4win), which is not installed' }
    if (-not $Signature) { Fail ('this release has no signature ({0}.asc) to verify' -f $Sums) }
    if (-not $PublicKey) { Fail ('this release publishes no public key to verify {0}.asc with' -f $Sums) }
}
if (-not $Prefix) { $Prefix = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) ('Programs\\' + $Name) }
# .NET calls below resolve relative paths against the process directory, not the PowerShell location.
$Prefix = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Prefix).TrimEnd('\\')

if ($DryRun) {
    Write-Output ('dry run: {0} {1} for {2}' -f $Name, $Version, $Platform)
    Write-Output ('would download: ' + $Url + '/' + $Asset)
    Write-Output ('would download: ' + $Url + '/' + $Sums)
    if ($VerifySignature) {
        Write-Output ('would download: ' + $Url + '/' + $Signature)
        Write-Output ('would download: ' + $Url + '/' + $PublicKey)
    }
    foreach ($b in $Binaries) { Write-Output ('would install: ' + (Join-Path $Prefix $b)) }
    if (-not $NoModifyPath) { Write-Output ('would add to the user PATH: ' + $Prefix) }
    return
}

$Tmp = Join-Path ([System.IO.Path]::GetTempPath()) ($Name + '-install-' + [Guid]::NewGuid().ToString('N'))
New-Item -ItemType Directory -Path $Tmp | Out-Null
$Staged = @()
try {
    Get-Download ($Url + '/' + $Asset) (Join-Path $Tmp $Asset)
    Get-Download ($Url + '/' + $Sums) (Join-Path $Tmp $Sums)
    if ($VerifySignature) {
        Get-Download ($Url + '/' + $Signature) (Join-Path $Tmp $Signature)
        Get-Download ($Url + '/' + $PublicKey) (Join-Path $Tmp $PublicKey)
        Test-Signature $Gpg.Source $Tmp
    } elseif ($Gpg -and $Signature) {
        Write-Host ('note: run with -VerifySignature to also check the OpenPGP signature of ' + $Sums)
    }

    $Expected = Get-ExpectedSha256 (Join-Path $Tmp $Sums) $Asset
    if (-not $Expected) { Fail ('{0} has no checksum for {1}: refusing to install an unverified file' -f $Sums, $Asset) }
    $Actual = Get-Sha256 (Join-Path $Tmp $Asset)
    if ($Actual -ne $Expected) {
        Fail ('checksum mismatch for {0}: expected {1}, got {2}: refusing to install (the download is corrupt or was tampered with)' -f $Asset, $Expected, $Actual)
    }
    Write-Host ('checksum OK: ' + $Asset)

    $Unpacked = Join-Path $Tmp 'unpacked'
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    [System.IO.Compression.ZipFile]::ExtractToDirectory((Join-Path $Tmp $Asset), $Unpacked)
    foreach ($b in $Binaries) {
        if (-not (Test-Path -LiteralPath (Join-Path $Unpacked $b) -PathType Leaf)) { Fail ('{0} has no file {1} at its root' -f $Asset, $b) }
    }

    if (-not (Test-Path -LiteralPath $Prefix -PathType Container)) {
        try {
            New-Item -ItemType Directory -Force -Path $Prefix | Out-Null
        } catch {
            Fail ('cannot create {0}: {1}; choose another folder with -Prefix' -f $Prefix, $_.Exception.Message)
        }
    }
    # Copy next to the targets first, then rename: nothing is replaced until every file is in place.
    foreach ($b in $Binaries) {
        $staging = Join-Path $Prefix ('.' + $b + '.tmp')
        $Staged += $staging
        try {
            Copy-Item -LiteralPath (Join-Path $Unpacked $b) -Destination $staging -Force
        } catch {
            Fail ('cannot write to {0}: {1}; run as administrator or choose another folder with -Prefix' -f $Prefix, $_.Exception.Message)
        }
    }
    foreach ($b in $Binaries) {
        $target = Join-Path $Prefix $b
        try {
            Install-Staged (Join-Path $Prefix ('.' + $b + '.tmp')) $target
        } catch {
            Fail ('could not replace {0}: {1}' -f $target, $_.Exception.Message)
        }
        Write-Host ('installed ' + $target)
    }
    $Staged = @()
} finally {
    foreach ($s in $Staged) { Remove-Item -LiteralPath $s -Force -ErrorAction SilentlyContinue }
    Remove-Item -LiteralPath $Tmp -Recurse -Force -ErrorAction SilentlyContinue
}

if ($NoModifyPath) {
    $onPath = @($env:Path.Split(';') | Where-Object { $_.TrimEnd('\\') -eq $Prefix })
    if ($onPath.Count -eq 0) { Write-Warning ($Prefix + ' is not on your PATH; add it, or re-run without -NoModifyPath') }
} elseif (Add-UserPath $Prefix) {
    Write-Host ('added {0} to your user PATH; open a new terminal to use {1}' -f $Prefix, $Name)
}
Write-Host ('{0} {1} is installed in {2}' -f $Name, $Version, $Prefix)
`;
