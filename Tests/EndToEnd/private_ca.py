"""A private certificate authority made at test time, for fakes that serve HTTPS the way a company's Jira behind
its own CA does: jira-ci must refuse it until told to trust the CA."""
import datetime
import ipaddress
import ssl
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def subject_name(host):
    """A certificate's name for `host`: an IP address is its own kind of name, which a DNS name cannot stand in for."""
    try:
        return x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        return x509.DNSName(host)


def make_tls(folder: Path, hosts=("localhost", "127.0.0.1")):
    """Writes ca.pem, server.pem and server.key (a certificate for `hosts`) into `folder`; returns the CA's path
    and the server side's TLS context."""
    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key, server_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "jira-ci test CA")])

    def certificate(subject, key, extension, critical):
        return (x509.CertificateBuilder().subject_name(subject).issuer_name(ca_name).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
                .not_valid_after(now + datetime.timedelta(days=2)).add_extension(extension, critical=critical)
                .sign(ca_key, hashes.SHA256()))

    ca = certificate(ca_name, ca_key, x509.BasicConstraints(ca=True, path_length=None), True)
    leaf = certificate(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hosts[0])]), server_key,
                       x509.SubjectAlternativeName([subject_name(host) for host in hosts]), False)
    pem = serialization.Encoding.PEM
    (folder / "ca.pem").write_bytes(ca.public_bytes(pem))
    (folder / "server.pem").write_bytes(leaf.public_bytes(pem))
    (folder / "server.key").write_bytes(server_key.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                                                 serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "server.pem", folder / "server.key")
    return folder / "ca.pem", context
