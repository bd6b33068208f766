import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import type { TokenProvider } from './graph.js';

/** App-only credentials of the Entra app that reads and writes the SharePoint site. */
export interface AppCredentials {
  tenantId: string;
  clientId: string;
  /** A client secret… */
  clientSecret?: string;
  /** …or a PEM file with the certificate and its private key (preferred in production). */
  certificatePath?: string;
  /** Passphrase of the private key in the PEM file, when it is encrypted. */
  certificatePassword?: string;
}

const GRAPH_SCOPE = ['https://graph.microsoft.com/.default'];

/**
 * Builds MSAL's confidential client options from the credentials: a secret as it is, or a
 * certificate read from a PEM file (its SHA-256 thumbprint and, sent as x5c, the certificate
 * itself so Entra can validate subject-name/issuer certificates too).
 */
export function msalConfiguration(credentials: AppCredentials, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): Configuration {
  const auth: Configuration['auth'] = {
    clientId: credentials.clientId,
    authority: `https://login.microsoftonline.com/${credentials.tenantId}`,
  };
  if (credentials.certificatePath) {
    const pem = readFile(credentials.certificatePath);
    const certificate = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)?.[0];
    if (!certificate) throw new Error(`AZURE_CLIENT_CERTIFICATE_PATH: no certificate (BEGIN CERTIFICATE) in ${credentials.certificatePath}`);
    const keyPem = pem.match(/-----BEGIN (?:ENCRYPTED |RSA )?PRIVATE KEY-----[\s\S]+?-----END (?:ENCRYPTED |RSA )?PRIVATE KEY-----/)?.[0];
    if (!keyPem) throw new Error(`AZURE_CLIENT_CERTIFICATE_PATH: no private key in ${credentials.certificatePath}`);
    // MSAL wants an unencrypted PKCS#8 key.
    const privateKey = createPrivateKey({ key: keyPem, ...(credentials.certificatePassword ? { passphrase: credentials.certificatePassword } : {}) })
      .export({ format: 'pem', type: 'pkcs8' })
      .toString();
    const thumbprintSha256 = new X509Certificate(certificate).fingerprint256.replace(/:/g, '');
    auth.clientCertificate = { thumbprintSha256, privateKey, x5c: certificate };
  } else if (credentials.clientSecret) {
    auth.clientSecret = credentials.clientSecret;
  } else {
    throw new Error('Set AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH for the SharePoint store');
  }
  return { auth };
}

/**
 * One long-lived ConfidentialClientApplication for the process. Client-credential tokens live in
 * its in-memory cache and `acquireTokenByClientCredential` answers from the cache until shortly
 * before they expire, so asking for a token on every Graph request costs nothing.
 */
export function msalTokenProvider(credentials: AppCredentials): TokenProvider {
  const app = new ConfidentialClientApplication(msalConfiguration(credentials));
  return async () => {
    const result = await app.acquireTokenByClientCredential({ scopes: GRAPH_SCOPE });
    if (!result?.accessToken) throw new Error('Entra ID returned no access token for Microsoft Graph');
    return result.accessToken;
  };
}
