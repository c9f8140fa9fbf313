/** The API's version, as health reports and GraphQL's `apiVersion` give it. */
export const API_VERSION = '0.1.0';
