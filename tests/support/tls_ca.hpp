#pragma once
// A throw-away PKI made at test time with the openssl CLI (EC P-256 keys,
// so a whole set takes well under a second): certificate authorities, leaf
// certificates with chosen names and validity, and public-key pins in the
// form CURLOPT_PINNEDPUBLICKEY takes. Nothing here is secret or kept.
#include <filesystem>
#include <string>

namespace testsupport {

struct CertAndKey {
    std::filesystem::path cert; // PEM, the leaf certificate alone
    std::filesystem::path key;  // PEM, unencrypted private key
    std::string pin;            // "sha256//BASE64" of the certificate's public key
};

struct LeafSpec {
    std::string name;           // file stem and common name, e.g. "localhost"
    std::string subjectAltName; // openssl syntax, e.g. "IP:127.0.0.1,DNS:localhost"
    // Validity as "YYYYMMDDHHMMSSZ"; empty: from now for `days` days.
    std::string notBefore;
    std::string notAfter;
    int days = 30;
};

// One certificate authority with its own directory and `openssl ca`
// database (openssl 3.0's `x509 -req` cannot back-date a certificate, `ca`
// can).
class TestCa {
  public:
    // Creates `dir` if needed and a self-signed CA certificate in it.
    TestCa(std::filesystem::path dir, std::string commonName);

    const std::filesystem::path& cert() const { return m_cert; }
    const std::filesystem::path& dir() const { return m_dir; }

    // Issues a server certificate (serverAuth) for `spec`, files in dir().
    // Throws std::runtime_error with openssl's output on failure.
    CertAndKey issue(const LeafSpec& spec);

  private:
    std::filesystem::path m_dir;
    std::filesystem::path m_config;
    std::filesystem::path m_key;
    std::filesystem::path m_cert;
};

// The set the network tests need, under one directory.
class TestPki {
  public:
    explicit TestPki(const std::filesystem::path& dir);

    const std::filesystem::path& caCert() const { return m_ca.cert(); }           // trust this
    const std::filesystem::path& otherCaCert() const { return m_otherCa.cert(); } // unrelated CA
    const CertAndKey& localhost() const { return m_localhost; } // IP:127.0.0.1, DNS:localhost
    const CertAndKey& wrongHost() const { return m_wrongHost; } // DNS:example.org only
    const CertAndKey& expired() const { return m_expired; }     // 127.0.0.1, expired 2020-01-02
    TestCa& ca() { return m_ca; }                               // for more leaves

  private:
    TestCa m_ca;
    TestCa m_otherCa;
    CertAndKey m_localhost, m_wrongHost, m_expired;
};

// "sha256//BASE64" of the SubjectPublicKeyInfo of the certificate in
// `certPem` (what `openssl x509 -pubkey | openssl pkey -pubin -outform der |
// openssl dgst -sha256 -binary | base64` prints), computed with the CLI.
std::string publicKeyPin(const std::filesystem::path& certPem);

} // namespace testsupport
