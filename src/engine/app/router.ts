// The OpenShift router (HAProxy) in front of every route: a full reverse proxy. It opens a new
// connection to the app pod, so the app sees a router pod's address, and passes the client's
// address on in X-Forwarded-For.
import type { KubeObject } from '../world/types.ts';
import type { WorldModel } from '../model/world-model.ts';
import type { AppResponse } from './flask.ts';
import { sqlApi, waitsForOutbound } from './sqlapi.ts';
import { field, str } from '../world/json.ts';

// OpenShift router's default 503 page (served when no route or no endpoint matches).
const UNAVAILABLE_PAGE = `<html>
  <head>
    <meta name="viewport" content="width=device-width, initial-scale=1">

    <style type="text/css">
      body {
        font-family: "Helvetica Neue", Helvetica, Arial, sans-serif;
        line-height: 1.66666667;
        font-size: 16px;
        color: #333;
        background-color: #fff;
        margin: 2em 1em;
      }
      h1 {
        font-size: 28px;
        font-weight: 400;
      }
      p {
        margin: 0 0 10px;
      }
      .alert.alert-info {
        background-color: #F0F0F0;
        margin-top: 30px;
        padding: 30px;
      }
      .alert p {
        padding-left: 35px;
      }
      ul {
        padding-left: 51px;
        position: relative;
      }
      li {
        font-size: 14px;
        margin-bottom: 1em;
      }
      p.info {
        position: relative;
        font-size: 20px;
      }
      p.info:before, p.info:after {
        content: "";
        left: 0;
        position: absolute;
        top: 0;
      }
      p.info:before {
        background: #0066CC;
        border-radius: 16px;
        color: #fff;
        content: "i";
        font: bold 16px/24px serif;
        height: 24px;
        left: 0px;
        text-align: center;
        top: 4px;
        width: 24px;
      }

      @media (min-width: 768px) {
        body {
          margin: 6em;
        }
      }
    </style>
  </head>
  <body>
    <div>
      <h1>Application is not available</h1>
      <p>The application is currently not serving requests at this endpoint. It may not have been started or is still starting.</p>

      <div class="alert alert-info">
        <p class="info">
          Possible reasons you are seeing this page:
        </p>
        <ul>
          <li>
            <strong>The host doesn't exist.</strong>
            Make sure the hostname was typed correctly and that a route matching this hostname exists.
          </li>
          <li>
            <strong>The host exists, but doesn't have a matching path.</strong>
            Check if the URL path was typed correctly and that the route was created using the desired path.
          </li>
          <li>
            <strong>Route and path matches, but all pods are down.</strong>
            Make sure that the resources exposed by this route (pods) are running.
          </li>
        </ul>
      </div>
    </div>
  </body>
</html>
`;

function unavailable(): AppResponse {
  return {
    status: 503,
    statusText: 'Service Unavailable',
    headers: [['pragma', 'no-cache'], ['cache-control', 'private, max-age=0, no-cache, no-store'], ['connection', 'close'], ['content-type', 'text/html']],
    body: UNAVAILABLE_PAGE,
  };
}

// HAProxy's built-in answer when the app has not answered within `timeout server` (30 s on the
// OpenShift router): HAProxy 2.x's message, header names lower-cased on the wire.
const GATEWAY_TIMEOUT_PAGE = "<html><body><h1>504 Gateway Time-out</h1>\nThe server didn't respond in time.\n</body></html>\n";
const SERVER_TIMEOUT_MS = 30_000;

function gatewayTimeout(): AppResponse {
  return {
    status: 504,
    statusText: 'Gateway Time-out',
    headers: [['content-length', String(GATEWAY_TIMEOUT_PAGE.length)], ['cache-control', 'no-cache'], ['content-type', 'text/html']],
    body: GATEWAY_TIMEOUT_PAGE,
    waitMs: SERVER_TIMEOUT_MS,
  };
}

/** The router pod that proxies requests: the first ready one by name (the lab pins the LB's hash choice). */
export function proxyingRouter(model: WorldModel): KubeObject | undefined {
  return model.routerPods()[0];
}

export interface RoutedRequest {
  host: string;
  path: string;
  query: URLSearchParams;
  clientIp: string;
  headers: Record<string, string>;
  now: Date;
  /** The router pod that took the connection (model/ingress.ts), else the first ready one. */
  router?: KubeObject;
  /** Whether the request came over TLS (port 443) or plain HTTP (port 80). */
  secure?: boolean;
}

/** HAProxy's answer to a plain-HTTP request for a route whose TLS says
 * `insecureEdgeTerminationPolicy: Redirect` (the router's `redirect scheme https`): a 302 to the
 * same host and path over https, with no body, header names lower-cased as HAProxy 2 writes them. */
function redirectToHttps(req: RoutedRequest): AppResponse {
  const query = req.query.toString();
  return {
    status: 302,
    statusText: 'Found',
    headers: [['content-length', '0'], ['location', `https://${req.host}${req.path}${query ? `?${query}` : ''}`], ['cache-control', 'no-cache']],
    body: '',
  };
}

/** The router's answer; `app`, when the app answered it: the pod and the address it saw the request come from. */
export type RoutedAnswer = AppResponse & { app?: { pod: KubeObject; remoteAddr: string } };

export function route(model: WorldModel, req: RoutedRequest): RoutedAnswer {
  const router = req.router ?? proxyingRouter(model);
  const routeObject = model.routeForHost(req.host);
  if (!router || !routeObject) return unavailable();
  if (req.secure === false && field(routeObject.spec, 'tls', 'insecureEdgeTerminationPolicy') === 'Redirect') return redirectToHttps(req);
  const pod = model.routeBackend(routeObject);
  if (!pod) return unavailable();
  if (waitsForOutbound(model, pod, req.path)) return gatewayTimeout();
  const forwarded = req.headers['x-forwarded-for'] ? `${req.headers['x-forwarded-for']}, ${req.clientIp}` : req.clientIp;
  const remoteAddr = str(router.status?.podIP);
  const response = sqlApi(model, pod, {
    path: req.path,
    query: req.query,
    host: req.host,
    remoteAddr,
    headers: { ...req.headers, 'x-forwarded-for': forwarded },
    now: req.now,
  });
  // HAProxy gives up on an app that has not answered within its server timeout.
  if ((response.waitMs ?? 0) > SERVER_TIMEOUT_MS) return gatewayTimeout();
  // HAProxy adds its sticky-session cookie to the app's answer.
  const cookie = `${hex(`${routeObject.metadata.namespace}/${routeObject.metadata.name}`, 32)}=${hex(pod.metadata.name, 32)}`;
  return { ...response, headers: [...response.headers, ['Set-Cookie', `${cookie}; path=/; HttpOnly`], ['Cache-control', 'private']], app: { pod, remoteAddr } };
}

function hex(seed: string, length: number): string {
  let out = '';
  let h = 2166136261;
  while (out.length < length) {
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}
