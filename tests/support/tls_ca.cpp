#include "support/tls_ca.hpp"

#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <stdexcept>
#include <utility>

namespace testsupport {

namespace {

namespace fs = std::filesystem;

std::string opensslExe() {
    return PESTOR_OPENSSL_EXE;
}

void makeKey(const fs::path& key) {
    runOrThrow({opensslExe(), "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-out", key.string()});
}

// Config for both `req` and `ca`, private to this CA's directory, so the
// system's openssl.cnf plays no part. Leaf extensions come from the
// environment-free [leaf] section plus a per-leaf SAN via -extfile.
std::string caConfig(const fs::path& dir) {
    return "[ ca ]\n"
           "default_ca = test_ca\n"
           "[ test_ca ]\n"
           "database = " +
           (dir / "index.txt").string() +
           "\n"
           "new_certs_dir = " +
           (dir / "issued").string() +
           "\n"
           "serial = " +
           (dir / "serial").string() +
           "\n"
           "default_md = sha256\n"
           "policy = policy_any\n"
           "unique_subject = no\n"
           "email_in_dn = no\n"
           "copy_extensions = none\n"
           "[ policy_any ]\n"
           "commonName = supplied\n"
           "[ req ]\n"
           "distinguished_name = req_dn\n"
           "prompt = no\n"
           "[ req_dn ]\n"
           "CN = unused\n"
           "[ v3_ca ]\n"
           "basicConstraints = critical, CA:TRUE\n"
           "keyUsage = critical, keyCertSign, cRLSign\n"
           "subjectKeyIdentifier = hash\n";
}

} // namespace

TestCa::TestCa(fs::path dir, std::string commonName)
    : m_dir(std::move(dir)), m_config(m_dir / "ca.cnf"), m_key(m_dir / "ca.key"),
      m_cert(m_dir / "ca.pem") {
    fs::create_directories(m_dir / "issued");
    writeTextFile(m_config, caConfig(m_dir));
    writeTextFile(m_dir / "index.txt", "");
    writeTextFile(m_dir / "serial", "1000\n");
    makeKey(m_key);
    runOrThrow({opensslExe(), "req", "-config", m_config.string(), "-x509", "-new", "-key",
                m_key.string(), "-subj", "/CN=" + commonName, "-days", "3650", "-extensions",
                "v3_ca", "-out", m_cert.string()});
}

CertAndKey TestCa::issue(const LeafSpec& spec) {
    if (spec.name.empty() || spec.name.find('/') != std::string::npos)
        throw std::invalid_argument("LeafSpec.name must be a plain file stem");
    CertAndKey out;
    out.key = m_dir / (spec.name + ".key");
    out.cert = m_dir / (spec.name + ".pem");
    const fs::path csr = m_dir / (spec.name + ".csr");
    const fs::path ext = m_dir / (spec.name + ".ext");
    writeTextFile(ext, "[ leaf ]\n"
                       "basicConstraints = critical, CA:FALSE\n"
                       "keyUsage = critical, digitalSignature\n"
                       "extendedKeyUsage = serverAuth\n"
                       "subjectKeyIdentifier = hash\n"
                       "authorityKeyIdentifier = keyid\n"
                       "subjectAltName = " +
                           spec.subjectAltName + "\n");
    makeKey(out.key);
    runOrThrow({opensslExe(), "req", "-config", m_config.string(), "-new", "-key", out.key.string(),
                "-subj", "/CN=" + spec.name, "-out", csr.string()});
    std::vector<std::string> sign = {
        opensslExe(),  "ca",         "-batch",   "-notext",         "-config",  m_config.string(),
        "-in",         csr.string(), "-out",     out.cert.string(), "-extfile", ext.string(),
        "-extensions", "leaf",       "-keyfile", m_key.string(),    "-cert",    m_cert.string()};
    if (!spec.notBefore.empty()) {
        sign.push_back("-startdate");
        sign.push_back(spec.notBefore);
    }
    if (!spec.notAfter.empty()) {
        sign.push_back("-enddate");
        sign.push_back(spec.notAfter);
    } else {
        sign.push_back("-days");
        sign.push_back(std::to_string(spec.days));
    }
    runOrThrow(sign);
    out.pin = publicKeyPin(out.cert);
    return out;
}

TestPki::TestPki(const fs::path& dir)
    : m_ca(dir / "ca", "PES-TOR Test CA"), m_otherCa(dir / "other-ca", "Unrelated Test CA") {
    m_localhost = m_ca.issue({"localhost", "IP:127.0.0.1,DNS:localhost", "", "", 30});
    m_wrongHost = m_ca.issue({"wrong-host", "DNS:example.org", "", "", 30});
    m_expired = m_ca.issue(
        {"expired", "IP:127.0.0.1,DNS:localhost", "20200101000000Z", "20200102000000Z", 0});
}

std::string publicKeyPin(const fs::path& certPem) {
    const TempDir work("pestor-pin");
    const auto pub = work / "pub.pem", der = work / "pub.der", hash = work / "pub.sha256",
               b64 = work / "pub.b64";
    runOrThrow(
        {opensslExe(), "x509", "-in", certPem.string(), "-pubkey", "-noout", "-out", pub.string()});
    runOrThrow({opensslExe(), "pkey", "-pubin", "-in", pub.string(), "-outform", "der", "-out",
                der.string()});
    runOrThrow({opensslExe(), "dgst", "-sha256", "-binary", "-out", hash.string(), der.string()});
    runOrThrow({opensslExe(), "base64", "-A", "-in", hash.string(), "-out", b64.string()});
    std::string text = readTextFile(b64);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    return "sha256//" + text;
}

} // namespace testsupport
