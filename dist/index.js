import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(9278);
var tls = __nccwpck_require__(4756);
var http = __nccwpck_require__(8611);
var https = __nccwpck_require__(5692);
var events = __nccwpck_require__(4434);
var assert = __nccwpck_require__(2613);
var util = __nccwpck_require__(9023);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6914);
// The entry point the runner starts; main.ts tells the story of a run.

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6914:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
// EXTERNAL MODULE: external "crypto"
var external_crypto_ = __nccwpck_require__(6982);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(8611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(5692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
;// CONCATENATED MODULE: ./stubs/undici/index.js
// @actions/http-client imports undici only to build a fetch dispatcher for proxies
// (getAgentDispatcher), which this action never calls: its own requests go through node:http and
// `tunnel`, proxies included. Standing in for undici keeps ~900 KB out of dist/index.js, which
// shortens start-up and lowers memory. Anything that does reach this fails loudly.
class ProxyAgent {
  constructor() {
    throw new Error('undici is not bundled with this action: HttpClient.getAgentDispatcher() is not available')
  }
}

;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class lib_HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(2613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_.dirname(filePath);
                        const upperName = external_path_.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec_exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec_exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_namespaceObject.platform();
const arch = external_os_namespaceObject.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_namespaceObject.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
;// CONCATENATED MODULE: ./src/constants.ts
// Input and output names are the action's public interface: workflows depend on them.
const Inputs = {
    Api: 'api',
    Publisher: 'publisher',
    Offer: 'offer',
    Token: 'token',
    ClientId: 'client-id',
    TenantId: 'tenant-id',
    ClientSecret: 'client-secret',
    Audience: 'audience',
    AuthorityHost: 'authority-host',
    Wait: 'wait',
    Timeout: 'timeout',
    PollInterval: 'poll-interval',
    RequestTimeout: 'request-timeout',
    OperationLocation: 'operation-location',
    BaseUrl: 'base-url',
    ApiVersion: 'api-version',
    DryRun: 'dry-run',
    MaxParallel: 'max-parallel',
    RetryFailed: 'retry-failed'
};
const Outputs = {
    OperationLocation: 'operation-location',
    OperationId: 'operation-id',
    Status: 'status',
    Operation: 'operation',
    OfferStatus: 'offer-status',
    Results: 'results'
};
/** The `api` input's values: the API a go-live goes through (src/apis/registry.ts has what each needs). */
const Apis = {
    CloudPartnerPortal: 'cloud-partner-portal',
    ProductIngestion: 'product-ingestion'
};
/** The `api` input's default: the token's audience chooses, or each offer is looked up (Product Ingestion first). */
const API_AUTO = 'auto';
const DEFAULT_AUDIENCE = 'api://AzureADTokenExchange';
const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
const USER_AGENT = 'azure-marketplace-go-live/1';

;// CONCATENATED MODULE: ./src/errors.ts
/** A failure the user can act on: its message is shown as the step's error as is. */
class ActionError extends Error {
    name = 'ActionError';
    /**
     * Whether a go-live this failure interrupts goes on at the service, so the step's error adds how
     * to check on it later. Off for a failure that ends it (the go-live failed) or that names the
     * operation and what to do about it itself; an error made from another (`cause`) takes its flag.
     */
    resumable;
    constructor(message, options = {}) {
        const { cause, resumable } = options;
        super(message, cause === undefined ? undefined : { cause });
        this.resumable = resumable ?? (cause instanceof ActionError ? cause.resumable : true);
    }
}
/** An input that is missing or malformed; raised before any request is sent. */
class InputError extends ActionError {
    name = 'InputError';
    constructor(input, problem) {
        super(`Input '${input}' ${problem}`);
    }
}
/** The workflow was cancelled (SIGINT/SIGTERM) while the action was working. */
class CancelledError extends ActionError {
    name = 'CancelledError';
    constructor(signal) {
        super(`Received ${signal}: the workflow is being cancelled`);
    }
}
/**
 * Signing in failed after the step had signed in (a renewal). Never a passing outage of the API that
 * a pre-check could go on without: nothing can be sent without a token. `outage`: the identity
 * service was down or unreadable, so a later try may succeed (a wait loses a poll, not the wait);
 * otherwise the failure is the answer to every later ask for a token, with no further sign-in.
 */
class SignInError extends ActionError {
    name = 'SignInError';
    outage;
    constructor(message, options) {
        super(message, { cause: options.cause });
        this.outage = options.outage;
    }
}
/** The step's `timeout` passed while a request, a retry or a sleep was under way. */
class DeadlineError extends ActionError {
    name = 'DeadlineError';
    constructor() {
        super('The timeout passed');
    }
}
/**
 * The service could not be reached or read (down, throttled, a gateway's error page, an answer cut
 * off or too large), as opposed to a problem of the caller (sign-in, permissions, a wrong id) that
 * every later request would share. While waiting, one of these costs one poll, not the wait.
 */
class ServiceUnavailableError extends ActionError {
    name = 'ServiceUnavailableError';
}
/**
 * An answer that does not have the shape a parser needs (not an object, not a list, about another
 * job). The JSON client makes it an UnexpectedAnswerError, a fault of the service that costs one
 * poll; `message` says what the answer is not ("is not a JSON object"). Any other error a parser
 * throws (a TypeError) is a fault of the action and fails the step.
 */
class ShapeError extends Error {
    name = 'ShapeError';
}
/** The message of anything thrown, for a sentence. */
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/http/ids.ts
// Id patterns more than one part of the action checks: written once, so they cannot drift apart.
/** A GUID, in any case: an Entra ID client or tenant id, a CPP operation id. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

;// CONCATENATED MODULE: ./src/auth/auth-config.ts
// Which credentials the caller gave, checked before any request: a bearer token, an Entra ID app
// registration signing in with a client secret or with GitHub's OIDC token, or none of them: then the
// Azure CLI session an earlier azure/login step left (asked only when the first token is needed).




/** One line of token characters (RFC 6750), as an Authorization header takes it. */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const DOMAIN = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
/** What a step with no sign-in of its own can do instead, for the error when the Azure CLI has none either. */
const THREE_WAYS = "Sign in one of three ways: pass 'token', a Microsoft Entra ID access token for the API's resource; pass 'client-id' and 'tenant-id' of an app registration (signing in through GitHub OIDC, which needs `permissions: id-token: write`, or with 'client-secret'); or run azure/login before this step and pass neither (the action then takes its tokens from that Azure CLI session).";
const TWO_WAYS = "pass either 'client-id' and 'tenant-id' to sign in with Microsoft Entra ID (through GitHub OIDC, which needs `permissions: id-token: write`, or with 'client-secret'), or 'token', a Microsoft Entra ID access token for https://cloudpartner.azure.com or https://graph.microsoft.com (its audience chooses the API)";
/** Masks a secret, and each of its lines on its own: the runner matches masks within one line. */
function maskSecret(secret) {
    core_setSecret(secret);
    for (const line of secret.split(/\r?\n/))
        if (line.trim() && line !== secret)
            core_setSecret(line.trim());
}
function readAuthConfig() {
    // Masked before anything can fail and print.
    const token = getInput(Inputs.Token);
    const clientSecret = getInput(Inputs.ClientSecret);
    for (const secret of [token, clientSecret])
        if (secret)
            maskSecret(secret);
    const clientId = getInput(Inputs.ClientId);
    const tenantId = getInput(Inputs.TenantId);
    if (token) {
        // It goes into an Authorization header: one line of token characters (RFC 6750), or a header
        // error would follow. The value is never quoted: it is a secret.
        if (!BEARER_TOKEN.test(token)) {
            throw new InputError(Inputs.Token, "must be a bearer token on one line (letters, digits and '-', '.', '_', '~', '+', '/', '=' only, as an Entra ID access token is); it has a line break, a space or another character a token cannot have (the value is not shown: it is a secret)");
        }
        if (clientId || clientSecret) {
            throw new InputError(Inputs.Token, `cannot be combined with '${clientId ? Inputs.ClientId : Inputs.ClientSecret}': ${TWO_WAYS}.`);
        }
        return { kind: 'token', token };
    }
    if (!clientId) {
        if (tenantId || clientSecret) {
            throw new InputError(Inputs.ClientId, `is required with '${tenantId ? Inputs.TenantId : Inputs.ClientSecret}': the application (client) ID of the app registration.`);
        }
        // Neither: the Azure CLI session of an earlier azure/login step. Whether there is one is known
        // only when `az` runs, at the first token request (sign-in); reading the inputs sends nothing.
        return { kind: 'azure-cli' };
    }
    if (!GUID.test(clientId)) {
        throw new InputError(Inputs.ClientId, `must be the application (client) ID of the app registration, a GUID such as 00000000-0000-0000-0000-000000000000; got '${clientId}'`);
    }
    if (!tenantId)
        throw new InputError(Inputs.TenantId, `is required with '${Inputs.ClientId}': the directory (tenant) ID of the app registration.`);
    if (!GUID.test(tenantId) && !DOMAIN.test(tenantId)) {
        throw new InputError(Inputs.TenantId, `must be the directory (tenant) ID, a GUID, or a domain such as contoso.onmicrosoft.com; got '${tenantId}'`);
    }
    const authorityHost = parseAuthorityHost(getInput(Inputs.AuthorityHost) || DEFAULT_AUTHORITY_HOST);
    if (clientSecret)
        return { kind: 'client-secret', clientId, tenantId, clientSecret, authorityHost };
    const audience = getInput(Inputs.Audience) || DEFAULT_AUDIENCE;
    return { kind: 'github-oidc', clientId, tenantId, audience, authorityHost };
}
function parseAuthorityHost(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        url = undefined;
    }
    if (!url || url.protocol !== 'https:' || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username) {
        throw new InputError(Inputs.AuthorityHost, `must be an https origin such as ${DEFAULT_AUTHORITY_HOST} (or https://login.microsoftonline.us, https://login.chinacloudapi.cn for sovereign clouds); got '${value}'`);
    }
    return new URL(url.origin);
}

;// CONCATENATED MODULE: ./src/lookup.ts
// Reading JSON and text from the network: an object is a plain JSON object, and a table read with a
// service's word takes only its own entries (a plain `table[key]` would take `constructor`,
// `__proto__` or `toString` from Object.prototype as a state).
/** A JSON object (not an array, not null): the one test every parser of an answer uses. */
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** `table[key]` when the table itself has that entry; undefined otherwise. */
function ownEntry(table, key) {
    return Object.hasOwn(table, key) ? table[key] : undefined;
}

;// CONCATENATED MODULE: ./src/wait/duration.ts
// Durations as workflows write them: `500ms`, `30s`, `15m`, `6h`, `2d`, `1h30m`; a bare number is seconds.

const UNIT_MS = {
    ms: 1,
    s: 1_000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000
};
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;
const BARE_NUMBER = /^\d+(?:\.\d+)?$/;
/** Milliseconds for a duration text, or undefined when the text is not a duration. */
function parseDuration(text) {
    const value = text.trim().toLowerCase();
    if (BARE_NUMBER.test(value))
        return Math.round(Number(value) * 1_000);
    if (value === '')
        return undefined;
    let total = 0;
    let index = 0;
    const seen = new Set();
    while (index < value.length) {
        PART.lastIndex = index;
        const match = PART.exec(value);
        if (!match)
            return undefined;
        const [whole, amount, unit] = match;
        if (seen.has(unit))
            return undefined;
        seen.add(unit);
        total += Number(amount) * ownEntry(UNIT_MS, unit);
        index += whole.length;
    }
    return Math.round(total);
}
/** A short human form: `1h 30m`, `2m 5s`, `450ms`. */
function formatDuration(ms) {
    if (ms < 1_000)
        return `${Math.max(0, Math.round(ms))}ms`;
    let rest = Math.round(ms / 1_000);
    const parts = [];
    for (const [unit, size] of [
        ['d', 86_400],
        ['h', 3_600],
        ['m', 60],
        ['s', 1]
    ]) {
        if (rest >= size) {
            parts.push(`${Math.floor(rest / size)}${unit}`);
            rest %= size;
        }
    }
    return parts.slice(0, 2).join(' ');
}

;// CONCATENATED MODULE: ./src/apis/subject.ts
// The offer a go-live is about, in the same shape for every API.
/** Publisher and offer ids: letters, digits, '-', '_', '.'; they become URL path segments. */
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** Whether `value` is a publisher or offer id the action accepts (IDENTIFIER, and no '..'). */
function isIdentifier(value) {
    return IDENTIFIER.test(value) && !value.includes('..');
}
/** The offer as messages name it: with its publisher when one was given. */
function subjectLabel(subject) {
    return subject.publisher ? `${subject.publisher}/${subject.offer}` : subject.offer;
}

;// CONCATENATED MODULE: ./src/http/urls.ts
// Where requests may go: the base URL rules, and the checks every operation location passes. Each
// API builds its own request URLs (its locations.ts), with its own version query.
const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);
function isLoopbackHost(hostname) {
    return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
/**
 * Why a base URL is unacceptable, or undefined when it is fine. `withPath`: it may carry a plain path
 * (the Product Ingestion API lives under https://graph.microsoft.com/rp/product-ingestion).
 */
function baseUrlProblem(url, withPath = false) {
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
        return 'must use https (plain http is allowed only for loopback hosts such as 127.0.0.1)';
    }
    if (url.username || url.password)
        return 'must not contain credentials';
    if (url.search || url.hash)
        return 'must not have a query or fragment';
    if (withPath) {
        return /^(\/[A-Za-z0-9._~-]+)*\/?$/.test(url.pathname) ? undefined : 'must have a plain path (letters, digits and -._~ between slashes)';
    }
    if (url.pathname !== '/' && url.pathname !== '') {
        return 'must be an origin such as https://cloudpartner.azure.com, without a path, query or fragment';
    }
    return undefined;
}
/**
 * What is wrong with the text of an operation location, checked before a URL parser normalises away
 * what this looks for (dot segments, encoded slashes); undefined when nothing is.
 */
function locationTextProblem(raw) {
    if (raw.length > 2048)
        return 'is longer than 2048 characters';
    // eslint-disable-next-line no-control-regex
    if (/[\s\\\u0000-\u001f\u007f-\u009f]/.test(raw))
        return 'contains white space, a backslash or a control character';
    const path = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/?#]*)?([^?#]*)/i.exec(raw)?.[1] ?? '';
    if (/%2f|%5c|%00/i.test(path))
        return 'contains an encoded slash, backslash or NUL';
    if (path.split('/').some((segment) => /^(\.|%2e){1,2}$/i.test(segment)))
        return "contains a '.' or '..' path segment";
    return undefined;
}
/** The location failed a check; `message` says which, without quoting the location. */
class LocationProblem extends Error {
    name = 'LocationProblem';
}
/**
 * The checks every operation location passes, whichever API: its text (see locationTextProblem),
 * an http(s) URL or a path, no credentials, and the base URL's origin (the token goes nowhere else).
 * Throws a LocationProblem; the API's own module then checks the path and query.
 */
function parseLocationUrl(raw, base) {
    const text = raw.trim();
    const problem = locationTextProblem(text);
    if (problem)
        throw new LocationProblem(problem);
    if (!/^https?:\/\//i.test(text) && !text.startsWith('/'))
        throw new LocationProblem('is neither an http(s) URL nor a path');
    let url;
    try {
        url = new URL(text, base.origin);
    }
    catch {
        throw new LocationProblem('is not a valid URL');
    }
    if (url.username || url.password)
        throw new LocationProblem('contains credentials');
    if (url.origin !== base.origin)
        throw new LocationProblem(`points to ${url.origin}, not to ${base.origin}`);
    return url;
}
/**
 * The version a location carries in its one query parameter, or `fallback` when it has no query.
 * Throws a LocationProblem for any other query, or a version that is not one.
 */
function locationVersion(url, query, fallback) {
    const keys = [...url.searchParams.keys()];
    if (keys.some((key) => key !== query.name) || keys.length > 1)
        throw new LocationProblem(`has a query other than ${query.name}`);
    const version = url.searchParams.get(query.name) ?? fallback;
    if (!query.pattern.test(version))
        throw new LocationProblem(`has a version (${query.name}) that is not a date such as ${query.example}`);
    return version;
}

;// CONCATENATED MODULE: ./src/apis/cloud-partner-portal/locations.ts



/** The query parameter of the version, and the versions it takes. */
const VERSION_QUERY = 'api-version';
const VERSION_PATTERN = /^\d{4}-\d{2}-\d{2}(-preview)?$/;
const VERSION = { name: VERSION_QUERY, pattern: VERSION_PATTERN, example: '2017-10-31' };
const SLOT_ID = /^([A-Za-z0-9][A-Za-z0-9._-]{0,127})\$([A-Za-z0-9][A-Za-z0-9._-]{0,127})\$(\d{1,9})\$([A-Za-z]{1,32})$/;
/** An operation id the action accepts: a GUID, or the `publisher$offer$n$slot` form. */
function isOperationId(id) {
    return GUID.test(id) || (SLOT_ID.test(id) && !id.includes('..'));
}
/** The publisher and offer a `publisher$offer$n$slot` id names; undefined for any other id (a GUID names none). */
function offerNamedBy(id) {
    const slot = SLOT_ID.exec(id);
    return slot ? { publisher: slot[1], offer: slot[2] } : undefined;
}
function isCppOperationRef(ref) {
    return ref.kind === 'cpp-operation';
}
/**
 * The URL of a request of the action's own: `path` (already encoded, `$` kept literal) on the base
 * URL's origin, with the version query.
 */
function requestUrl(base, path, version) {
    return new URL(`${base.origin}${path}?${VERSION_QUERY}=${encodeURIComponent(version)}`);
}
// Publisher and offer ids are case-insensitive on the service.
function sameOffer(a, b) {
    return a.publisher.toLowerCase() === b.publisher.toLowerCase() && a.offer.toLowerCase() === b.offer.toLowerCase();
}
/** The offer and id an operation path names, or undefined when it is not a CPP operation path. */
function parsePath(pathname) {
    let segments;
    try {
        segments = pathname.split('/').map((s) => decodeURIComponent(s));
    }
    catch {
        return undefined;
    }
    const [empty, api, ...rest] = segments;
    if (empty !== '' || api !== 'api')
        return undefined;
    if (rest.length === 6 && rest[0] === 'publishers' && rest[2] === 'offers' && rest[4] === 'operations') {
        const [, publisher, , offer, , id] = rest;
        if (isIdentifier(publisher) && isIdentifier(offer) && isOperationId(id))
            return { publisher, offer, id };
        return undefined;
    }
    if (rest.length === 2 && rest[0] === 'operations') {
        const id = rest[1];
        const slot = SLOT_ID.exec(id);
        if (slot && isOperationId(id))
            return { publisher: slot[1], offer: slot[2], id };
    }
    return undefined;
}
/**
 * Parses an operation location (absolute, or a path on the base URL's origin) and rebuilds it from
 * its validated parts. Throws a LocationProblem saying what is wrong.
 */
function canonicalOperationLocation(raw, baseUrl, apiVersion) {
    const url = parseLocationUrl(raw, baseUrl);
    const version = locationVersion(url, VERSION, apiVersion);
    const named = parsePath(url.pathname);
    if (!named) {
        throw new LocationProblem('is not a CPP operation path (/api/publishers/{publisher}/offers/{offer}/operations/{GUID} or /api/operations/{publisher}${offer}${n}${slot})');
    }
    const path = named.id.includes('$')
        ? `/api/operations/${named.id}`
        : `/api/publishers/${named.publisher}/offers/${named.offer}/operations/${named.id}`;
    return { kind: 'cpp-operation', url: requestUrl(baseUrl, path, version), ...named };
}

;// CONCATENATED MODULE: ./node_modules/entities/dist/decode-codepoint.js
// Adapted from https://github.com/mathiasbynens/he/blob/36afe179392226cf1b6ccdb16ebbb7a5a844d93a/src/he.js#L106-L134
/**
 * C1 Unicode control character reference replacements (code points 128–159).
 * Index i gives the replacement for code point 128+i; 0 means "no replacement".
 */
const c1 = [
    8364, 0, 8218, 402, 8222, 8230, 8224, 8225, 710, 8240, 352, 8249, 338, 0,
    381, 0, 0, 8216, 8217, 8220, 8221, 8226, 8211, 8212, 732, 8482, 353, 8250,
    339, 0, 382, 376,
];
/**
 * True for NUL, UTF-16 surrogates, and values past U+10FFFF.
 * @param codePoint Unicode code point to check.
 */
function isInvalidCodePoint(codePoint) {
    return (codePoint === 0 ||
        (codePoint >= 0xd8_00 && codePoint <= 0xdf_ff) ||
        codePoint > 0x10_ff_ff);
}
/**
 * Replace the given code point with U+FFFD if it is NUL (0), a surrogate, or
 * outside the valid Unicode range. Code points in the C1 controls range
 * (128–159) are remapped to their Windows-1252 equivalents, following the
 * HTML spec. All other code points are returned unchanged.
 * @param codePoint Unicode code point to convert.
 */
function replaceCodePoint(codePoint) {
    if (isInvalidCodePoint(codePoint)) {
        return 0xff_fd;
    }
    if (codePoint >= 128 && codePoint <= 159) {
        return c1[codePoint - 128] || codePoint;
    }
    return codePoint;
}
/**
 * XML numeric character references are the referenced Unicode code point.
 * Invalid values still become U+FFFD; the HTML Windows-1252 C1 remap is not
 * applied.
 * @see https://www.w3.org/TR/xml/#NT-CharRef
 * @param codePoint Unicode code point to convert.
 */
function decode_codepoint_replaceCodePointXML(codePoint) {
    return isInvalidCodePoint(codePoint) ? 0xff_fd : codePoint;
}
/**
 * Convert the code point of a decoded numeric entity to a string, replacing
 * invalid values.
 *
 * Fast path for plain BMP code points: [1..0x7F] and [0xA0..0xD7FF] pass
 * `replaceCodePoint` unchanged (no NUL, C1 remap, surrogate, or out-of-range
 * handling) and fit a single charCode. 0xd760 = 0xD800 (the first surrogate)
 * - 0xA0.
 * @param codePoint Unicode code point to convert.
 */
function decode_codepoint_codePointToString(codePoint) {
    return (codePoint - 1) >>> 0 < 0x7f || (codePoint - 0xa0) >>> 0 < 0xd7_60
        ? String.fromCharCode(codePoint)
        : String.fromCodePoint(replaceCodePoint(codePoint));
}
//# sourceMappingURL=decode-codepoint.js.map
;// CONCATENATED MODULE: ./node_modules/entities/dist/generated/decode-data-xml.js
// Generated using scripts/write-decode-map.ts
/** Packed XML decode trie data. */
const xmlDecodeTree = /* #__PURE__ */ new Uint16Array([
    512, 26_465, 29_036, 7, 0, 2, 4, 116, 24_638, 116, 24_636, 8693, 29_807,
    24_610, 621, 1, 0, 0, 3, 112, 24_614, 111, 115, 24_615,
]);
//# sourceMappingURL=decode-data-xml.js.map
;// CONCATENATED MODULE: ./node_modules/entities/dist/internal/bin-trie-flags.js
/**
 * Bit flags & masks for the binary trie encoding used for entity decoding.
 *
 * The trie is a flat `Uint16Array`. Every node starts with one header word:
 *
 *   15..14 VALUE_LENGTH   Number of words the value occupies, +1.
 *                         0 = no value; 1 = value inline in bits 12..0;
 *                         2/3 = value in the 1/2 words after the header.
 *   13     FLAG13         If VALUE_LENGTH > 0: semicolon required ("strict"
 *                         entity; `;` is never stored as a branch).
 *                         If VALUE_LENGTH == 0: this node is a compact run.
 *   12..7  BRANCH_LENGTH  Number of branches (or run length for runs).
 *   6..0   JUMP_TABLE     Jump-table offset / single-branch char / first
 *                         run char (see below).
 *
 * Branch data follows the header and any value words. Its shape is selected
 * by (JUMP_TABLE, BRANCH_LENGTH) in the header:
 *
 *   Single branch  JUMP_TABLE = the only child's char, BRANCH_LENGTH = 0.
 *                  No branch words; the child node follows immediately.
 *   Jump table     JUMP_TABLE = first covered char (> 0), BRANCH_LENGTH =
 *                  table length. One word per covered char: 0 = no branch,
 *                  otherwise the child's offset from the END of the table,
 *                  +1 (so 0 stays the no-branch sentinel).
 *   Dictionary     JUMP_TABLE = 0, BRANCH_LENGTH = number of branches.
 *                  ceil(n/2) words of sorted keys packed two per word
 *                  (low byte first), then n pointer words storing the
 *                  child's offset from the END of the branch data.
 *   Compact run    VALUE_LENGTH = 0, FLAG13 set. BRANCH_LENGTH = run
 *                  length (3..63), JUMP_TABLE = first char; remaining run
 *                  chars packed two per word after the header. The target
 *                  node follows the packed words immediately.
 *
 * Pointers are end-relative (rather than relative to the pointer's own
 * position) because that makes the common "child encoded right after the
 * branch data" case a small constant, which compresses far better. Offsets
 * to already-encoded (shared) nodes wrap via uint16 modulo arithmetic; the
 * decoder masks navigation results with `& 0xff_ff` to match.
 */
var bin_trie_flags_BinTrieFlags;
(function (BinTrieFlags) {
    BinTrieFlags[BinTrieFlags["VALUE_LENGTH"] = 49152] = "VALUE_LENGTH";
    BinTrieFlags[BinTrieFlags["FLAG13"] = 8192] = "FLAG13";
    BinTrieFlags[BinTrieFlags["BRANCH_LENGTH"] = 8064] = "BRANCH_LENGTH";
    BinTrieFlags[BinTrieFlags["JUMP_TABLE"] = 127] = "JUMP_TABLE";
    /** Bits 12..0: the inline value of a VALUE_LENGTH = 1 header word. */
    BinTrieFlags[BinTrieFlags["VALUE_MASK"] = 8191] = "VALUE_MASK";
})(bin_trie_flags_BinTrieFlags || (bin_trie_flags_BinTrieFlags = {}));
//# sourceMappingURL=bin-trie-flags.js.map
;// CONCATENATED MODULE: ./node_modules/entities/dist/decode.js




var CharCodes;
(function (CharCodes) {
    CharCodes[CharCodes["AMP"] = 38] = "AMP";
    CharCodes[CharCodes["NUM"] = 35] = "NUM";
    CharCodes[CharCodes["SEMI"] = 59] = "SEMI";
    CharCodes[CharCodes["EQUALS"] = 61] = "EQUALS";
    CharCodes[CharCodes["ZERO"] = 48] = "ZERO";
    CharCodes[CharCodes["NINE"] = 57] = "NINE";
    CharCodes[CharCodes["LOWER_A"] = 97] = "LOWER_A";
    CharCodes[CharCodes["LOWER_X"] = 120] = "LOWER_X";
})(CharCodes || (CharCodes = {}));
/** Bit that needs to be set to convert an upper case ASCII character to lower case */
const TO_LOWER_BIT = 0b10_0000;
/*
 * `parseNumericEntity` packs its two results into one 32-bit integer:
 * `(consumed << CONSUMED_SHIFT) | codePoint`. The 21-bit code point field
 * fits any valid Unicode value (max 0x10FFFF, clamped before packing); the
 * consumed count excludes `&` and gets the remaining 11 bits. Extract it
 * with `>>>` so the topmost bit isn't treated as a sign.
 *
 * Plain consts rather than a `const enum`: with `isolatedModules`, enum
 * member reads compile to runtime property loads.
 */
const CONSUMED_SHIFT = 21;
const CODE_POINT_MASK = 0x1f_ff_ff;
/**
 * Reserved consumed field for counts of at least 2047 characters after `&`.
 * The true count is in `longNumericConsumed`.
 */
const CONSUMED_OVERFLOW = 0x7_ff;
/**
 * Side channel for numeric entities of at least 2048 characters including
 * `&`. Set by `parseNumericEntity` when its consumed count reaches the
 * reserved value `CONSUMED_OVERFLOW`; callers read the true count from here.
 * A module-level slot avoids a tuple allocation on the hot path.
 */
let longNumericConsumed = 0;
/**
 * Extract the consumed count from a `parseNumericEntity` packed result,
 * recovering the true length from `longNumericConsumed` when the packed
 * field contains the sentinel. Read it before the next `parseNumericEntity`
 * call, which may overwrite the side channel. This helper owns that protocol.
 * @param packed Packed result of `parseNumericEntity`.
 */
function unpackConsumed(packed) {
    const consumed = packed >>> CONSUMED_SHIFT;
    return consumed === CONSUMED_OVERFLOW ? longNumericConsumed : consumed;
}
/**
 * Unsigned subtraction trick: (code - lo) >>> 0 wraps negatives to large
 * values, so a single `<=` covers the entire [lo..hi] range check.
 * @param code Code point to check.
 */
function isNumber(code) {
    return (code - CharCodes.ZERO) >>> 0 <= 9;
}
function isHexadecimalCharacter(code) {
    return ((code | TO_LOWER_BIT) - CharCodes.LOWER_A) >>> 0 <= 5; // F - a
}
function isAlpha(code) {
    return ((code | TO_LOWER_BIT) - CharCodes.LOWER_A) >>> 0 <= 25; // Z - a
}
/**
 * Checks if the given character is a valid end character for an entity in an attribute.
 *
 * Attribute values that aren't terminated properly aren't parsed, and shouldn't lead to a parser error.
 * See the example in https://html.spec.whatwg.org/multipage/parsing.html#named-character-reference-state
 * @param code Code point to check.
 */
function isEntityInAttributeInvalidEnd(code) {
    return code === CharCodes.EQUALS || isAlpha(code) || isNumber(code);
}
var EntityDecoderState;
(function (EntityDecoderState) {
    EntityDecoderState[EntityDecoderState["EntityStart"] = 0] = "EntityStart";
    EntityDecoderState[EntityDecoderState["NumericStart"] = 1] = "NumericStart";
    EntityDecoderState[EntityDecoderState["NumericDecimal"] = 2] = "NumericDecimal";
    EntityDecoderState[EntityDecoderState["NumericHex"] = 3] = "NumericHex";
    EntityDecoderState[EntityDecoderState["NamedEntity"] = 4] = "NamedEntity";
})(EntityDecoderState || (EntityDecoderState = {}));
/**
 * Decoding mode for named entities.
 */
var DecodingMode;
(function (DecodingMode) {
    /** Entities in text nodes that can end with any character. */
    DecodingMode[DecodingMode["Legacy"] = 0] = "Legacy";
    /** Only allow entities terminated with a semicolon. */
    DecodingMode[DecodingMode["Strict"] = 1] = "Strict";
    /** Entities in attributes have limitations on ending characters. */
    DecodingMode[DecodingMode["Attribute"] = 2] = "Attribute";
})(DecodingMode || (DecodingMode = {}));
/**
 * Token decoder with support of writing partial entities.
 */
class EntityDecoder {
    decodeTree;
    emitCodePoint;
    errors;
    /** The current state of the decoder. */
    state = EntityDecoderState.EntityStart;
    /** Characters that were consumed while parsing an entity. */
    consumed = 1;
    /**
     * The result of the entity.
     *
     * For named entities: the trie index of the best legacy match so far
     * (0 = none). For numeric entities: the accumulated code point.
     */
    result = 0;
    /** The current index in the decode tree. */
    treeIndex = 0;
    /**
     * Characters consumed since the last recorded legacy match, plus one.
     * Invariant at the top of the `stateNamedEntity` loop: `excess` equals
     * the number of unrecorded consumed characters + 1.
     */
    // biome-ignore lint/correctness/noUnusedPrivateClassMembers: False positive (read via destructuring)
    excess = 1;
    /** The mode in which the decoder is operating. */
    decodeMode = DecodingMode.Strict;
    /** The number of characters that have been consumed in the current run. */
    // biome-ignore lint/correctness/noUnusedPrivateClassMembers: False positive
    runConsumed = 0;
    constructor(
    /** The predefined HTML or XML decode tree. */
    decodeTree, 
    /**
     * The function that is called when a codepoint is decoded.
     *
     * For named entities that decode to multiple code points, this will
     * be called multiple times, with the second codepoint, and the same
     * `consumed` value.
     * @param codepoint The decoded codepoint.
     * @param consumed The number of characters consumed by the decoder.
     */
    emitCodePoint, 
    /** An object that is used to produce errors. */
    errors) {
        this.decodeTree = decodeTree;
        this.emitCodePoint = emitCodePoint;
        this.errors = errors;
    }
    /**
     * Resets the instance to make it reusable.
     * @param decodeMode Entity decoding mode to use.
     */
    startEntity(decodeMode) {
        this.decodeMode = decodeMode;
        this.state = EntityDecoderState.EntityStart;
        this.result = 0;
        this.treeIndex = 0;
        this.excess = 1;
        this.consumed = 1;
        this.runConsumed = 0;
    }
    /**
     * Write an entity to the decoder. This can be called multiple times with partial entities.
     * If the entity is incomplete, the decoder will return -1.
     *
     * Mirrors the non-streaming `decodeWithTrie`, but with the ability to stop decoding if the
     * entity is incomplete, and resume when the next string is written.
     * @param input The string containing the entity (or a continuation of the entity).
     * @param offset The offset at which the entity begins. Should be 0 if this is not the first call.
     * @returns The number of characters that were consumed, or -1 if the entity is incomplete.
     */
    write(input, offset) {
        switch (this.state) {
            case EntityDecoderState.EntityStart: {
                if (input.charCodeAt(offset) === CharCodes.NUM) {
                    this.state = EntityDecoderState.NumericStart;
                    this.consumed += 1;
                    return this.stateNumericStart(input, offset + 1);
                }
                this.state = EntityDecoderState.NamedEntity;
                return this.stateNamedEntity(input, offset);
            }
            case EntityDecoderState.NumericStart: {
                return this.stateNumericStart(input, offset);
            }
            case EntityDecoderState.NumericDecimal: {
                return this.stateNumericDecimal(input, offset);
            }
            case EntityDecoderState.NumericHex: {
                return this.stateNumericHex(input, offset);
            }
            default: {
                // NamedEntity — the only remaining state.
                return this.stateNamedEntity(input, offset);
            }
        }
    }
    /**
     * Switches between the numeric decimal and hexadecimal states.
     *
     * Equivalent to the `Numeric character reference state` in the HTML spec.
     * @param input The string containing the entity (or a continuation of the entity).
     * @param offset The current offset.
     * @returns The number of characters that were consumed, or -1 if the entity is incomplete.
     */
    // eslint-disable-next-line unicorn/consistent-class-member-order
    stateNumericStart(input, offset) {
        if (offset >= input.length) {
            return -1;
        }
        if ((input.charCodeAt(offset) | TO_LOWER_BIT) === CharCodes.LOWER_X) {
            this.state = EntityDecoderState.NumericHex;
            this.consumed += 1;
            return this.stateNumericHex(input, offset + 1);
        }
        this.state = EntityDecoderState.NumericDecimal;
        return this.stateNumericDecimal(input, offset);
    }
    /**
     * Parses a hexadecimal numeric entity.
     *
     * Equivalent to the `Hexademical character reference state` in the HTML
     * spec. Digit parsing matches the hex loop in `parseNumericEntity`.
     * The accumulated value is preserved for numeric validation callbacks.
     * @param input The string containing the entity (or a continuation of the entity).
     * @param offset The current offset.
     * @returns The number of characters that were consumed, or -1 if the entity is incomplete.
     */
    stateNumericHex(input, offset) {
        const inputLength = input.length;
        // Local accumulators; flushed before any exit (see stateNamedEntity).
        let { result } = this;
        let { consumed } = this;
        while (offset < inputLength) {
            const char = input.charCodeAt(offset);
            if (isNumber(char) || isHexadecimalCharacter(char)) {
                // Convert hex digit to value (0-15); 'a'/'A' -> 10.
                const digit = char <= CharCodes.NINE
                    ? char - CharCodes.ZERO
                    : (char | TO_LOWER_BIT) - CharCodes.LOWER_A + 10;
                result = result * 16 + digit;
                consumed += 1;
                offset += 1;
            }
            else {
                this.result = result;
                this.consumed = consumed;
                return this.emitNumericEntity(char, 3);
            }
        }
        this.result = result;
        this.consumed = consumed;
        return -1; // Incomplete entity
    }
    /**
     * Parses a decimal numeric entity.
     *
     * Equivalent to the `Decimal character reference state` in the HTML
     * spec. Digit parsing matches the decimal loop in `parseNumericEntity`.
     * The accumulated value is preserved for numeric validation callbacks.
     * @param input The string containing the entity (or a continuation of the entity).
     * @param offset The current offset.
     * @returns The number of characters that were consumed, or -1 if the entity is incomplete.
     */
    stateNumericDecimal(input, offset) {
        const inputLength = input.length;
        // Local accumulators; flushed before any exit (see stateNamedEntity).
        let { result } = this;
        let { consumed } = this;
        while (offset < inputLength) {
            const digit = input.charCodeAt(offset) - CharCodes.ZERO;
            if (digit >>> 0 > 9) {
                this.result = result;
                this.consumed = consumed;
                return this.emitNumericEntity(digit + CharCodes.ZERO, 2);
            }
            result = result * 10 + digit;
            consumed += 1;
            offset += 1;
        }
        this.result = result;
        this.consumed = consumed;
        return -1; // Incomplete entity
    }
    /**
     * Validate and emit a numeric entity.
     *
     * Implements the logic from the `Hexademical character reference start
     * state` and `Numeric character reference end state` in the HTML spec.
     * @param lastCp The last code point of the entity. Used to see if the
     *               entity was terminated with a semicolon.
     * @param expectedLength The minimum number of characters that should be
     *                       consumed. Used to validate that at least one digit
     *                       was consumed.
     * @returns The number of characters that were consumed.
     */
    emitNumericEntity(lastCp, expectedLength) {
        // Ensure we consumed at least one digit.
        if (this.consumed <= expectedLength) {
            this.errors?.absenceOfDigitsInNumericCharacterReference(this.consumed);
            return 0;
        }
        // Figure out if this is a legit end of the entity
        if (lastCp === CharCodes.SEMI) {
            this.consumed += 1;
        }
        else if (this.decodeMode === DecodingMode.Strict) {
            return 0;
        }
        this.emitCodePoint((this.decodeTree === xmlDecodeTree
            ? decode_codepoint_replaceCodePointXML
            : replaceCodePoint)(this.result), this.consumed);
        if (this.errors) {
            if (lastCp !== CharCodes.SEMI) {
                this.errors.missingSemicolonAfterCharacterReference();
            }
            this.errors.validateNumericCharacterReference(this.result);
        }
        return this.consumed;
    }
    /**
     * Flush locally-tracked walk state back to the fields, then emit the
     * recorded legacy match or reject (cold path — at most once per
     * entity). Called after failed navigation (leaf node, branch miss, or
     * compact-run mismatch). In attribute mode, reject if no legacy was
     * recorded at the current node, if we descended past it, or if the
     * pending input character is an invalid attribute terminator.
     * @param consumed Locally-tracked consumed count.
     * @param excess Locally-tracked excess count.
     * @param char Pending input character (may be the mismatching char).
     * @param valueLength Value length at the current trie node.
     */
    flushAndEmitLegacyOrReject(consumed, excess, char, valueLength) {
        this.consumed = consumed;
        this.excess = excess;
        return this.result === 0 ||
            (this.decodeMode === DecodingMode.Attribute &&
                (valueLength === 0 ||
                    excess > 1 ||
                    isEntityInAttributeInvalidEnd(char)))
            ? 0
            : this.emitNotTerminatedNamedEntity();
    }
    /**
     * Parses a named entity.
     *
     * Equivalent to the `Named character reference state` in the HTML spec.
     * @param input The string containing the entity (or a continuation of the entity).
     * @param offset The current offset.
     * @returns The number of characters that were consumed, or -1 if the entity is incomplete.
     */
    stateNamedEntity(input, offset) {
        const { decodeTree } = this;
        const inputLength = input.length;
        const isStrict = this.decodeMode === DecodingMode.Strict;
        /*
         * Local copies of the resumable walk state avoid per-character
         * field writes. They are flushed back to the fields
         * on every exit (chunk end, and before any emit helper that reads
         * them). `this.result` is only written at the (rare) record points,
         * so it stays a direct field write.
         *
         * Legacy-match recording happens in two idempotent places: at the
         * loop top when sitting on a value node, and in the chunk-end
         * epilogue (so `end()` sees matches that land exactly on a chunk
         * boundary). Recording applies `consumed += excess - 1; excess = 1`,
         * which is a no-op when repeated — the loop-top invariant is
         * `excess` = unrecorded consumed characters + 1.
         */
        let { treeIndex } = this;
        let { excess } = this;
        let { consumed } = this;
        let current = decodeTree[treeIndex];
        while (offset < inputLength) {
            /*
             * Descend through value-less jump-table nodes (including the
             * single-branch encoding) inline, mirroring `decodeWithTrie`:
             * this avoids a `determineBranch` call per level for the
             * dominant node shape — including the root on the first write.
             */
            while ((current &
                (bin_trie_flags_BinTrieFlags.VALUE_LENGTH | bin_trie_flags_BinTrieFlags.FLAG13)) ===
                0 &&
                (current & bin_trie_flags_BinTrieFlags.JUMP_TABLE) !== 0) {
                const char = input.charCodeAt(offset);
                const jumpOffset = current & bin_trie_flags_BinTrieFlags.JUMP_TABLE;
                const branchCount = (current & bin_trie_flags_BinTrieFlags.BRANCH_LENGTH) >> 7;
                if (branchCount === 0) {
                    // Single branch encoded inline in the jump offset bits.
                    if (char !== jumpOffset) {
                        return this.flushAndEmitLegacyOrReject(consumed, excess, char, 0);
                    }
                    treeIndex += 1;
                }
                else {
                    const slot = char - jumpOffset;
                    if (slot >>> 0 >= branchCount) {
                        return this.flushAndEmitLegacyOrReject(consumed, excess, char, 0);
                    }
                    const stored = decodeTree[treeIndex + 1 + slot];
                    if (stored === 0) {
                        return this.flushAndEmitLegacyOrReject(consumed, excess, char, 0);
                    }
                    // End-relative: branch data ends at treeIndex+1+branchCount.
                    treeIndex = (treeIndex + branchCount + stored) & 0xff_ff;
                }
                current = decodeTree[treeIndex];
                offset += 1;
                excess += 1;
                /*
                 * `charCodeAt` past the end returns NaN, which would alias
                 * to slot 0 after `>>> 0` — bail out explicitly.
                 */
                // eslint-disable-next-line unicorn/no-break-in-nested-loop
                if (offset >= inputLength)
                    break;
            }
            if (offset >= inputLength)
                break;
            // Handle compact runs (resumable across chunks).
            if ((current &
                (bin_trie_flags_BinTrieFlags.VALUE_LENGTH | bin_trie_flags_BinTrieFlags.FLAG13)) ===
                bin_trie_flags_BinTrieFlags.FLAG13) {
                const runLength = (current & bin_trie_flags_BinTrieFlags.BRANCH_LENGTH) >> 7; /* 3..63 */
                let { runConsumed } = this;
                // If we are starting a run, check the first char.
                if (runConsumed === 0) {
                    const char = input.charCodeAt(offset);
                    if (char !== (current & bin_trie_flags_BinTrieFlags.JUMP_TABLE)) {
                        return this.flushAndEmitLegacyOrReject(consumed, excess, char, 0);
                    }
                    offset += 1;
                    excess += 1;
                    runConsumed = 1;
                }
                // Check remaining characters in the run (packed two per uint16 word).
                while (runConsumed < runLength) {
                    if (offset >= inputLength) {
                        this.treeIndex = treeIndex;
                        this.excess = excess;
                        this.consumed = consumed;
                        this.runConsumed = runConsumed;
                        return -1;
                    }
                    const charIndexInPacked = runConsumed - 1;
                    const packedWord = decodeTree[treeIndex + 1 + (charIndexInPacked >> 1)];
                    const expectedChar = (packedWord >> ((charIndexInPacked & 1) << 3)) & 0xff;
                    const char = input.charCodeAt(offset);
                    if (char !== expectedChar) {
                        this.runConsumed = 0;
                        return this.flushAndEmitLegacyOrReject(consumed, excess, char, 0);
                    }
                    offset += 1;
                    excess += 1;
                    runConsumed += 1;
                }
                this.runConsumed = 0;
                treeIndex += 1 + (runLength >> 1);
                current = decodeTree[treeIndex];
                // Loop top handles the landed-on node (record/emit/branch).
                continue;
            }
            // Header plus out-of-line value words; 0 means no value.
            const valueLength = current >>> 14;
            const char = input.charCodeAt(offset);
            if (valueLength !== 0) {
                // Record a legacy match (FLAG13 clear = semicolon optional).
                if (!isStrict && (current & bin_trie_flags_BinTrieFlags.FLAG13) === 0) {
                    this.result = treeIndex;
                    consumed += excess - 1;
                    excess = 1;
                }
                /*
                 * Implicit semicolon handling: emit immediately. Covers both
                 * strict (FLAG13 set) and legacy entities — neither stores
                 * an explicit `;` branch in the trie.
                 */
                if (char === CharCodes.SEMI) {
                    return this.emitNamedEntityData(treeIndex, valueLength, consumed + excess);
                }
                /*
                 * `valueLength === 1` packs the codepoint into the header
                 * word's low 13 bits, where branch metadata also lives. Skip
                 * the branch lookup on leaves so those value bits aren't
                 * reinterpreted as branch offsets.
                 */
                if (valueLength === 1) {
                    return this.flushAndEmitLegacyOrReject(consumed, excess, char, valueLength);
                }
            }
            // Value-bearing or dictionary node: dispatch through determineBranch.
            const next = determineBranch(decodeTree, current, treeIndex + (valueLength || 1), char);
            if (next < 0) {
                return this.flushAndEmitLegacyOrReject(consumed, excess, char, valueLength);
            }
            treeIndex = next;
            current = decodeTree[treeIndex];
            offset += 1;
            excess += 1;
        }
        /*
         * Chunk exhausted. Record a legacy match we may be sitting on, so a
         * subsequent `end()` emits it, then persist the walk state.
         */
        if (!isStrict &&
            current >>> 14 !== 0 &&
            (current & bin_trie_flags_BinTrieFlags.FLAG13) === 0) {
            this.result = treeIndex;
            consumed += excess - 1;
            excess = 1;
        }
        this.treeIndex = treeIndex;
        this.excess = excess;
        this.consumed = consumed;
        return -1;
    }
    /**
     * Emit a named entity that was not terminated with a semicolon.
     * @returns The number of characters consumed.
     */
    emitNotTerminatedNamedEntity() {
        const { result, decodeTree } = this;
        const valueLength = decodeTree[result] >>> 14;
        this.emitNamedEntityData(result, valueLength, this.consumed);
        this.errors?.missingSemicolonAfterCharacterReference();
        return this.consumed;
    }
    /**
     * Emit a named entity.
     * @param result The index of the entity in the decode tree.
     * @param valueLength Encoded value length (header plus any value words).
     * @param consumed The number of characters consumed.
     * @returns The number of characters consumed.
     */
    emitNamedEntityData(result, valueLength, consumed) {
        const { decodeTree } = this;
        this.emitCodePoint(valueLength === 1
            ? decodeTree[result] & bin_trie_flags_BinTrieFlags.VALUE_MASK
            : decodeTree[result + 1], consumed);
        if (valueLength === 3) {
            // Emit the second UTF-16 code unit.
            this.emitCodePoint(decodeTree[result + 2], consumed);
        }
        return consumed;
    }
    /**
     * Signal to the parser that the end of the input was reached.
     *
     * Remaining data will be emitted and relevant errors will be produced.
     * @returns The number of characters consumed.
     */
    end() {
        switch (this.state) {
            case EntityDecoderState.NamedEntity: {
                // Emit a named entity if we have one.
                return this.result !== 0 &&
                    (this.decodeMode !== DecodingMode.Attribute ||
                        this.result === this.treeIndex)
                    ? this.emitNotTerminatedNamedEntity()
                    : 0;
            }
            // Otherwise, emit a numeric entity if we have one.
            case EntityDecoderState.NumericDecimal: {
                return this.emitNumericEntity(0, 2);
            }
            case EntityDecoderState.NumericHex: {
                return this.emitNumericEntity(0, 3);
            }
            case EntityDecoderState.NumericStart: {
                this.errors?.absenceOfDigitsInNumericCharacterReference(this.consumed);
                return 0;
            }
            default: {
                // EntityStart or unknown — return 0.
                return 0;
            }
        }
    }
}
/**
 * Determines the branch of the current node that is taken given the current
 * character. This function is used to traverse the trie.
 *
 * See `BinTrieFlags` for the branch-data layouts handled here.
 * @param decodeTree The trie.
 * @param current The current node's header word.
 * @param nodeIndex Index of the node's first branch-data word (the header
 *   plus any value words have been skipped by the caller).
 * @param char The current character.
 * @returns The index of the next node, or -1 if no branch is taken.
 */
function determineBranch(decodeTree, current, nodeIndex, char) {
    const branchCount = (current & bin_trie_flags_BinTrieFlags.BRANCH_LENGTH) >> 7;
    const jumpOffset = current & bin_trie_flags_BinTrieFlags.JUMP_TABLE;
    // Case 1: Single branch or jump table (jumpOffset encodes the first/only char code).
    if (jumpOffset) {
        if (branchCount === 0) {
            // Single branch encoded inline in the jump offset bits.
            return char === jumpOffset ? nodeIndex : -1;
        }
        /*
         * Jump table: branchCount consecutive slots starting at jumpOffset.
         * Unsigned comparison handles both < 0 and >= branchCount in one check.
         */
        const slot = char - jumpOffset;
        if (slot >>> 0 >= branchCount)
            return -1;
        const stored = decodeTree[nodeIndex + slot];
        /*
         * 0 = empty slot (no branch); otherwise the child's offset from the
         * end of the branch array, +1 (end-relative pointers compress
         * better). `& 0xff_ff` mirrors the encoder's uint16 wrap for
         * backreferences to already-encoded nodes.
         */
        return stored === 0
            ? -1
            : (nodeIndex + branchCount + stored - 1) & 0xff_ff;
    }
    /*
     * Case 2: Packed dictionary. Linear scan — over 90% of dict nodes have
     * <= 4 branches in the HTML trie, where the constant-factor savings
     * dominate over binary search's asymptotic edge.
     */
    if (branchCount === 0)
        return -1;
    const packedKeySlots = (branchCount + 1) >> 1;
    const branchEnd = nodeIndex + packedKeySlots + branchCount;
    for (let index = 0; index < branchCount; index++) {
        const packed = decodeTree[nodeIndex + (index >> 1)];
        const key = (packed >> ((index & 1) << 3)) & 0xff;
        if (key === char) {
            const pointerIndex = nodeIndex + packedKeySlots + index;
            // Pointers are relative to the end of the branch data.
            return (branchEnd + decodeTree[pointerIndex]) & 0xff_ff;
        }
        // Keys are sorted; if we've passed `char`, no match is possible.
        if (key > char)
            return -1;
    }
    return -1;
}
/**
 * Read the decoded value from a trie node.
 * @param decodeTree The trie.
 * @param nodeIndex The index of the node.
 * @param valueLength The length of the value (1, 2, or 3).
 * @returns The decoded string.
 */
function readTrieValue(decodeTree, nodeIndex, valueLength) {
    if (valueLength === 1) {
        return String.fromCharCode(decodeTree[nodeIndex] & BinTrieFlags.VALUE_MASK);
    }
    if (valueLength === 2) {
        return String.fromCharCode(decodeTree[nodeIndex + 1]);
    }
    return String.fromCharCode(decodeTree[nodeIndex + 1], decodeTree[nodeIndex + 2]);
}
/**
 * Parse a numeric entity (`&#DDD;` or `&#xHHH;`).
 *
 * Encodes the result as `(consumed << CONSUMED_SHIFT) | codepoint` (see
 * the packing comment at the top of the file; overlong entities spill
 * their length into `longNumericConsumed`). Returns 0 when no digits were
 * found.
 *
 * This is the sync counterpart of the streaming
 * `EntityDecoder#stateNumericDecimal` / `#stateNumericHex`. Digit parsing
 * matches those methods; only this packed result needs a value clamp.
 * @param input       The input string.
 * @param numberStart Index of the `#` character.
 * @param inputLength Cached `input.length`.
 */
function parseNumericEntity(input, numberStart, inputLength) {
    let offset = numberStart + 1; // Skip "#"
    let cp = 0;
    let digitStart = offset;
    /*
     * Separate decimal and hexadecimal loops: each multiplies by a constant
     * and runs a single digit test, instead of a per-character base check.
     */
    if (offset < inputLength &&
        (input.charCodeAt(offset) | TO_LOWER_BIT) === CharCodes.LOWER_X) {
        offset += 1;
        digitStart = offset;
        while (offset < inputLength) {
            const char = input.charCodeAt(offset);
            if (isNumber(char)) {
                cp = cp * 16 + (char - CharCodes.ZERO);
            }
            else if (isHexadecimalCharacter(char)) {
                cp = cp * 16 + ((char | TO_LOWER_BIT) - CharCodes.LOWER_A + 10);
            }
            else {
                break;
            }
            offset += 1;
        }
    }
    else {
        while (offset < inputLength) {
            const digit = input.charCodeAt(offset) - CharCodes.ZERO;
            if (digit >>> 0 > 9)
                break;
            cp = cp * 10 + digit;
            offset += 1;
        }
    }
    if (offset === digitStart)
        return 0;
    // Include the semicolon in consumed when present.
    if (offset < inputLength && input.charCodeAt(offset) === CharCodes.SEMI) {
        offset += 1;
    }
    /*
     * Clamp out-of-range values to 0x110000 so they fit the 21-bit field
     * and decode to U+FFFD. Lengths at or above CONSUMED_OVERFLOW use the
     * side channel described with the packing constants.
     */
    if (cp > 0x10_ff_ff)
        cp = 0x11_00_00;
    let consumed = offset - numberStart;
    if (consumed >= CONSUMED_OVERFLOW) {
        // eslint-disable-next-line unicorn/no-top-level-assignment-in-function -- deliberate side channel, see `longNumericConsumed`
        longNumericConsumed = consumed;
        consumed = CONSUMED_OVERFLOW;
    }
    return (consumed << CONSUMED_SHIFT) | cp;
}
/**
 * Decode all entities in `input` using the HTML trie.
 *
 * Hard-wired to `htmlDecodeTree`: the inline root navigation below assumes
 * the HTML root's jump-table shape, so this must not be generalized to
 * other tries (the XML trie's dictionary root would silently match no
 * entities — `decodeXML` has its own hand-coded fast path instead).
 * @param input      The string to decode.
 * @param isStrict Only match semicolon-terminated entities.
 * @param isAttribute Whether to apply attribute-specific parsing rules (disallowing certain non-semicolon terminators).
 * @returns The decoded string.
 */
function decodeWithTrie(input, isStrict, isAttribute) {
    const decodeTree = htmlDecodeTree;
    // Fast path: no entities at all — return input without any allocation.
    let offset = input.indexOf("&");
    if (offset < 0)
        return input;
    const inputLength = input.length;
    /*
     * `chunkStart` marks the start of the next pending slice. Rejected
     * entities don't advance it, so consecutive rejections are stitched
     * into a single `slice` once a real match (or end of input) is hit.
     */
    let chunkStart = 0;
    let result = "";
    /*
     * Root navigation fields, hoisted out of the per-entity loop. The HTML
     * root is a multi-branch jump-table covering [A-Za-z]; see the inline
     * first-iteration comment below.
     */
    const root = decodeTree[0];
    const rootJumpOffset = root & BinTrieFlags.JUMP_TABLE;
    const rootBranchCount = (root & BinTrieFlags.BRANCH_LENGTH) >> 7;
    do {
        const entityStart = offset + 1;
        // Quick check: entity names must start with [A-Za-z], numeric with #.
        const firstChar = input.charCodeAt(entityStart);
        let consumed;
        let value;
        if (firstChar === CharCodes.NUM) {
            const packed = parseNumericEntity(input, entityStart, inputLength);
            consumed = unpackConsumed(packed);
            // In strict mode, require semicolon termination.
            if (isStrict &&
                consumed > 0 &&
                input.charCodeAt(entityStart + consumed - 1) !== CharCodes.SEMI) {
                consumed = 0;
            }
            value =
                consumed === 0
                    ? ""
                    : codePointToString(packed & CODE_POINT_MASK);
        }
        else if (isAlpha(firstChar)) {
            consumed = 0;
            value = "";
            /*
             * The generator guarantees a jump-table root. Consume the first
             * character directly, then walk from its child.
             */
            const rootSlotIndex = firstChar - rootJumpOffset;
            let nodeIndex;
            if (rootSlotIndex >>> 0 < rootBranchCount) {
                const stored = decodeTree[1 + rootSlotIndex];
                nodeIndex =
                    stored === 0 ? -1 : (rootBranchCount + stored) & 0xff_ff;
            }
            else {
                nodeIndex = -1;
            }
            /*
             * Best legacy (no-semicolon) match so far, as trie coordinates.
             * Deferring `readTrieValue` to the end avoids allocating a
             * string for matches that longer matches supersede.
             */
            let bestNodeIndex = 0;
            let bestValueLength = 0;
            let current = nodeIndex < 0 ? 0 : decodeTree[nodeIndex];
            let index = entityStart + 1;
            /*
             * Walk the trie from the root child. The `trie` label lets the
             * inner descent and compact-run loops abandon the entity (and
             * fall through to the legacy/reject handling) directly.
             */
            trie: while (index < inputLength) {
                /*
                 * Inline value-less jump tables and single branches. A miss
                 * falls through to the recorded legacy match or rejection.
                 */
                while (
                // Value-less, non-run node with a nonzero jump offset.
                (current &
                    (BinTrieFlags.VALUE_LENGTH | BinTrieFlags.FLAG13)) ===
                    0 &&
                    (current & BinTrieFlags.JUMP_TABLE) !== 0) {
                    const jumpOffset = current & BinTrieFlags.JUMP_TABLE;
                    const branchCount = (current & BinTrieFlags.BRANCH_LENGTH) >> 7;
                    if (branchCount === 0) {
                        // Single branch encoded inline in the jump offset bits.
                        if (input.charCodeAt(index) !== jumpOffset)
                            break trie;
                        nodeIndex += 1;
                    }
                    else {
                        const slot = input.charCodeAt(index) - jumpOffset;
                        if (slot >>> 0 >= branchCount)
                            break trie;
                        const stored = decodeTree[nodeIndex + 1 + slot];
                        if (stored === 0)
                            break trie;
                        // End-relative: branch data ends at nodeIndex+1+branchCount.
                        nodeIndex =
                            (nodeIndex + branchCount + stored) & 0xff_ff;
                    }
                    current = decodeTree[nodeIndex];
                    index += 1;
                    /*
                     * `charCodeAt` past the end returns NaN, which would
                     * alias to slot 0 after `>>> 0` — bail out explicitly.
                     */
                    if (index >= inputLength)
                        break trie;
                }
                // FLAG13 without a value marks a compact run.
                if ((current &
                    (BinTrieFlags.VALUE_LENGTH | BinTrieFlags.FLAG13)) ===
                    BinTrieFlags.FLAG13) {
                    const runLength = (current & BinTrieFlags.BRANCH_LENGTH) >> 7;
                    // Check first char (stored in JUMP_TABLE bits).
                    if (input.charCodeAt(index) !==
                        (current & BinTrieFlags.JUMP_TABLE)) {
                        // eslint-disable-next-line unicorn/no-break-in-nested-loop
                        break;
                    }
                    index += 1;
                    // Check remaining characters (packed two per uint16 word).
                    const remaining = runLength - 1;
                    let wordIndex = nodeIndex + 1;
                    let charIndexInPacked = 0;
                    /*
                     * Process pairs: read one packed word, compare low byte then high byte.
                     * No explicit bounds check needed — charCodeAt returns NaN for OOB,
                     * which never equals an integer, so the mismatch break fires naturally.
                     */
                    for (; charIndexInPacked + 1 < remaining; charIndexInPacked += 2) {
                        const packed = decodeTree[wordIndex];
                        if (input.charCodeAt(index) !== (packed & 0xff))
                            break trie;
                        index += 1;
                        if (input.charCodeAt(index) !== ((packed >> 8) & 0xff))
                            break trie;
                        index += 1;
                        wordIndex += 1;
                    }
                    // Handle odd trailing char.
                    if (charIndexInPacked < remaining) {
                        if (input.charCodeAt(index) !==
                            (decodeTree[wordIndex] & 0xff))
                            // eslint-disable-next-line unicorn/no-break-in-nested-loop
                            break;
                        index += 1;
                    }
                    nodeIndex += 1 + (runLength >> 1);
                    current = decodeTree[nodeIndex];
                    // eslint-disable-next-line unicorn/no-break-in-nested-loop
                    continue;
                }
                // Header plus out-of-line value words; 0 means no value.
                const valueLength = current >>> 14;
                const char = input.charCodeAt(index);
                /*
                 * Check current node for a value before navigating.
                 * This handles both: (a) values reached via compact runs on the
                 * previous iteration, and (b) values at regular branch targets.
                 */
                if (valueLength !== 0) {
                    // If char is `;`, emit immediately.
                    if (char === CharCodes.SEMI) {
                        consumed = index - entityStart + 1;
                        // Inline leaves carry the value in the low 13 bits.
                        value =
                            valueLength === 1
                                ? String.fromCharCode(current & BinTrieFlags.VALUE_MASK)
                                : readTrieValue(decodeTree, nodeIndex, valueLength);
                        // eslint-disable-next-line unicorn/no-break-in-nested-loop
                        break;
                    }
                    // Record non-terminated (legacy) match (FLAG13 clear = semicolon optional).
                    if (!isStrict && (current & BinTrieFlags.FLAG13) === 0) {
                        consumed = index - entityStart;
                        bestNodeIndex = nodeIndex;
                        bestValueLength = valueLength;
                    }
                    /*
                     * A valueLength of 1 means the value is packed inline in the header
                     * word — these are always leaf nodes with no branches, so we can
                     * stop walking the trie.
                     */
                    // eslint-disable-next-line unicorn/no-break-in-nested-loop
                    if (valueLength === 1)
                        break;
                }
                // Navigate to the next node (valueLength || 1: skip past value words, minimum 1 for header).
                const next = determineBranch(decodeTree, current, nodeIndex + (valueLength || 1), char);
                // eslint-disable-next-line unicorn/no-break-in-nested-loop
                if (next < 0)
                    break;
                nodeIndex = next;
                current = decodeTree[nodeIndex];
                index += 1;
            }
            /*
             * Post-loop: if the semicolon path didn't set value,
             * check for a final legacy match. The last navigation may
             * have landed on a legacy node whose value hasn't been
             * recorded yet (loop exited before the top-of-loop check
             * could run).
             */
            if (value === "") {
                const finalVL = current >>> 14;
                if (finalVL !== 0 &&
                    !isStrict &&
                    (current & BinTrieFlags.FLAG13) === 0) {
                    consumed = index - entityStart;
                    bestNodeIndex = nodeIndex;
                    bestValueLength = finalVL;
                }
                if (consumed > 0) {
                    value = readTrieValue(decodeTree, bestNodeIndex, bestValueLength);
                }
            }
        }
        else {
            consumed = 0;
            value = "";
        }
        /*
         * The attribute end-char rule (HTML spec §13.2.5.73) only applies to
         * unterminated *named* references.  Semicolon-terminated entities and
         * numeric entities are always accepted, matching EntityDecoder behavior.
         *
         * When `attribute` is false (the common case), short-circuit skips all
         * the unterminated-named checks entirely.
         */
        if (consumed === 0 ||
            (isAttribute &&
                firstChar !== CharCodes.NUM &&
                input.charCodeAt(entityStart + consumed - 1) !==
                    CharCodes.SEMI &&
                entityStart + consumed < inputLength &&
                isEntityInAttributeInvalidEnd(input.charCodeAt(entityStart + consumed)))) {
            // Rejected: leave `&` in the pending chunk, scan past it.
            offset = entityStart;
        }
        else {
            if (chunkStart < offset) {
                result += input.slice(chunkStart, offset);
            }
            result += value;
            offset = chunkStart = entityStart + consumed;
        }
        /*
         * Adjacent entities (`&x;&y;`) are common in entity-dense input;
         * checking the single character at `offset` first skips the
         * `indexOf` call (and its per-call overhead) for that case.
         */
        if (input.charCodeAt(offset) !== CharCodes.AMP) {
            offset = input.indexOf("&", offset);
        }
    } while (offset >= 0);
    return result + input.slice(chunkStart);
}
/**
 * Decodes an HTML string.
 * @param htmlString The string to decode.
 * @param mode The decoding mode.
 * @returns The decoded string.
 */
function decodeHTML(htmlString, mode = DecodingMode.Legacy) {
    return decodeWithTrie(htmlString, mode === DecodingMode.Strict, mode === DecodingMode.Attribute);
}
/**
 * Decodes an HTML string in an attribute.
 * @param htmlAttribute The string to decode.
 * @returns The decoded string.
 */
function decodeHTMLAttribute(htmlAttribute) {
    return decodeWithTrie(htmlAttribute, false, true);
}
/**
 * Decodes an HTML string, requiring all entities to be terminated by a semicolon.
 * @param htmlString The string to decode.
 * @returns The decoded string.
 */
function decodeHTMLStrict(htmlString) {
    return decodeWithTrie(htmlString, true, false);
}
/**
 * Decodes an XML string, requiring all entities to be terminated by a semicolon.
 *
 * Uses a hand-coded fast path for the 5 XML named entities (amp, lt, gt,
 * quot, apos) plus numeric entities, bypassing the trie entirely.
 * @param xmlString The string to decode.
 * @returns The decoded string.
 */
function decodeXML(xmlString) {
    let offset = xmlString.indexOf("&");
    if (offset < 0)
        return xmlString;
    let lastIndex = 0;
    let result = "";
    do {
        const start = offset + 1;
        let consumed = 0;
        let value = "";
        const c1 = xmlString.charCodeAt(start);
        if (c1 === CharCodes.NUM) {
            const packed = parseNumericEntity(xmlString, start, xmlString.length);
            consumed = unpackConsumed(packed);
            // XML is always strict — require semicolon.
            if (consumed === 0 ||
                xmlString.charCodeAt(start + consumed - 1) !== CharCodes.SEMI) {
                consumed = 0;
            }
            else {
                const codePoint = packed & CODE_POINT_MASK;
                // Nonzero BMP values below the surrogate range need no replacement.
                value =
                    (codePoint - 1) >>> 0 < 0xd7_ff
                        ? String.fromCharCode(codePoint)
                        : String.fromCodePoint(replaceCodePointXML(codePoint));
            }
        }
        else {
            /* eslint-disable unicorn/no-break-in-nested-loop -- Keep XML name dispatch inline with the decode loop. */
            switch (c1) {
                // &lt; / &gt;
                case 0x6c:
                case 0x67: {
                    if (xmlString.charCodeAt(start + 1) === 0x74 &&
                        xmlString.charCodeAt(start + 2) === CharCodes.SEMI) {
                        consumed = 3;
                        value = c1 === 0x6c ? "<" : ">";
                    }
                    break;
                }
                // &amp; / &apos;
                case 0x61: {
                    const c2 = xmlString.charCodeAt(start + 1);
                    if (c2 === 0x6d &&
                        xmlString.charCodeAt(start + 2) === 0x70 &&
                        xmlString.charCodeAt(start + 3) === CharCodes.SEMI) {
                        consumed = 4;
                        value = "&";
                    }
                    else if (c2 === 0x70 &&
                        xmlString.charCodeAt(start + 2) === 0x6f &&
                        xmlString.charCodeAt(start + 3) === 0x73 &&
                        xmlString.charCodeAt(start + 4) === CharCodes.SEMI) {
                        consumed = 5;
                        value = "'";
                    }
                    break;
                }
                // &quot;
                case 0x71: {
                    if (xmlString.charCodeAt(start + 1) === 0x75 &&
                        xmlString.charCodeAt(start + 2) === 0x6f &&
                        xmlString.charCodeAt(start + 3) === 0x74 &&
                        xmlString.charCodeAt(start + 4) === CharCodes.SEMI) {
                        consumed = 5;
                        value = '"';
                    }
                    break;
                }
            }
            /* eslint-enable unicorn/no-break-in-nested-loop */
        }
        if (consumed > 0) {
            if (lastIndex < offset)
                result += xmlString.slice(lastIndex, offset);
            result += value;
            offset = lastIndex = start + consumed;
        }
        else {
            offset = start;
        }
        /*
         * Adjacent entities (`&x;&y;`) are common in entity-dense input;
         * checking the single character at `lastIndex` first skips the
         * `indexOf` call (and its per-call overhead) for that case.
         */
        offset =
            xmlString.charCodeAt(offset) === CharCodes.AMP
                ? offset
                : xmlString.indexOf("&", offset);
    } while (offset >= 0);
    return result + xmlString.slice(lastIndex);
}

// Re-export for use by eg. htmlparser2


//# sourceMappingURL=decode.js.map
;// CONCATENATED MODULE: ./node_modules/entities/dist/internal/decode-shared.js
/*
 * Inverse of the encoder's SAFE alphabet (0x21..0x7E minus 0x22, 0x24, 0x5C),
 * precomputed once at module load. Entries for excluded chars stay 0 but
 * are never read.
 */
const BASE91_INVERSE = /* #__PURE__ */ (() => {
    const table = new Uint8Array(127);
    let code = 0;
    for (let char = 0x21; char <= 0x7e; char++) {
        if (char !== 0x22 && char !== 0x24 && char !== 0x5c) {
            table[char] = code++;
        }
    }
    return table;
})();
/**
 * Decode a dictionary-encoded trie string back into its Uint16Array.
 *
 * Stream layout (consumed in this order):
 *   1. dict1 atoms — `dict1AtomCount` uint16 values, delta+RLE encoded.
 *   2. dict2 atoms — `atomCount - dict1AtomCount` values, delta+RLE.
 *   3. dict2 ngrams — `ngramCount - (dictSize - dict1AtomCount)` entries,
 *      each a pair of slot codes that resolve to earlier slots.
 *   4. dict1 ngrams — `dictSize - dict1AtomCount` entries, same shape.
 *   5. data — slot codes, each expanding to one or more uint16 values.
 *
 * Codes use a 91-char base (printable ASCII minus `"`, `$`, `\`):
 *   - char1 < dictSize  → 1-char code, slot = char1
 *   - char1 ≥ dictSize  → 2-char code, slot = dictSize + (char1 - dictSize)*91 + char2
 *
 * Slot index → token kind:
 *   [0, A)                  dict1 atoms     (1-char codes)
 *   [A, dictSize)           dict1 ngrams    (1-char codes)
 *   [dictSize, dictSize+D)  dict2 atoms     (2-char codes)
 *   [dictSize+D, end)       dict2 ngrams    (2-char codes)
 *
 * Both atom dicts decode before any ngram, and dict2 ngrams decode before
 * dict1 ngrams. So every ngram entry references slots whose contents are
 * already filled — no forward references to handle.
 *
 * This runs on library import. Flat typed arrays store each slot as either
 * a plain value (`single`, covering every atom) or a range in a shared
 * `pool` (ngrams).
 * @param input Packed trie string.
 * @param resultLength Expected number of uint16 values in the output.
 * @param atomCount Total number of distinct uint16 values in the trie.
 * @param dict1AtomCount Atoms in the 1-char range (`A` above).
 * @param ngramCount Total number of ngram entries (dict1 + dict2).
 * @param dictSize Number of 1-char code slots; the rest of `BASE - dictSize`
 *   first-byte values are 2-char codes.
 */
function decodeTrieDict(input, resultLength, atomCount, dict1AtomCount, ngramCount, dictSize) {
    const base = 91;
    const inputLength = input.length;
    // For 2-char codes, slot = char1 * base - twoCharBias + char2.
    const twoCharBias = dictSize * (base - 1);
    let pos = 0;
    /** Read one slot code at `pos` and return its slot index, advancing pos. */
    const readSlotCode = () => {
        const c1 = BASE91_INVERSE[input.charCodeAt(pos++)];
        return c1 < dictSize
            ? c1
            : c1 * base - twoCharBias + BASE91_INVERSE[input.charCodeAt(pos++)];
    };
    const dict2AtomCount = atomCount - dict1AtomCount;
    const slotCount = atomCount + ngramCount;
    /*
     * Per-slot contents: atoms (always a single value) live directly in
     * `single`; ngram slots hold -1 there and expand to
     * `pool[start[slot] .. start[slot] + length[slot])`.
     */
    const single = new Int32Array(slotCount);
    single.fill(-1, dict1AtomCount, dictSize);
    single.fill(-1, dictSize + dict2AtomCount, slotCount);
    const start = new Int32Array(slotCount);
    const length = new Int32Array(slotCount);
    /**
     * Decode `count` ascending uint16 values from a delta+RLE stream into
     * `single[off..off+count)`.
     *
     *   code < 89   → delta = code
     *   code == 89  → run-length: next char encodes runLength-2; emit `runLength` consecutive +1 values
     *   code == 90, next < 90  → escape: delta = 89 + next * BASE + after-next
     *   code == 90, next == 90 → double-escape: extra char for very large deltas
     * @param count
     * @param off
     */
    function decodeDelta(count, off) {
        let previous = 0;
        let slot = off;
        const end = off + count;
        while (slot < end) {
            const code = BASE91_INVERSE[input.charCodeAt(pos++)];
            if (code < 89) {
                previous += code;
                single[slot++] = previous;
            }
            else if (code === 89) {
                let runLength = BASE91_INVERSE[input.charCodeAt(pos++)] + 2;
                while (runLength--)
                    single[slot++] = ++previous;
            }
            else {
                const next = BASE91_INVERSE[input.charCodeAt(pos++)];
                previous +=
                    89 +
                        // eslint-disable-next-line unicorn/prefer-minimal-ternary -- branches read a different number of side-effecting input bytes
                        (next < 90
                            ? next * base + BASE91_INVERSE[input.charCodeAt(pos++)]
                            : BASE91_INVERSE[input.charCodeAt(pos++)] * 8281 +
                                BASE91_INVERSE[input.charCodeAt(pos++)] * base +
                                BASE91_INVERSE[input.charCodeAt(pos++)]);
                single[slot++] = previous;
            }
        }
    }
    // Streams 1 & 2: atoms decoded into their slot ranges.
    decodeDelta(dict1AtomCount, 0);
    decodeDelta(dict2AtomCount, dictSize);
    /*
     * Streams 3 & 4 are read in two passes: first collect every ngram's two
     * references and derive its expanded length (each ref resolves to an earlier
     * slot, so lengths are already known), which sizes the shared pool.
     * Pool ranges are handed out in decode order, so the second pass fills
     * the pool contiguously with a single write cursor.
     */
    const references = new Int32Array(ngramCount * 2);
    let poolSize = 0;
    let ngramIndex = 0;
    /**
     * Read `count` ngram entries (each = 2 slot-code references) for the slots
     * starting at `startSlot`, recording references and assigning pool ranges.
     * @param count
     * @param startSlot
     */
    function readNgramReferences(count, startSlot) {
        for (let index = 0; index < count; index++) {
            const slot = startSlot + index;
            const a = readSlotCode();
            const b = readSlotCode();
            references[ngramIndex * 2] = a;
            references[ngramIndex * 2 + 1] = b;
            ngramIndex += 1;
            start[slot] = poolSize;
            const entryLength = (single[a] < 0 ? length[a] : 1) +
                (single[b] < 0 ? length[b] : 1);
            length[slot] = entryLength;
            poolSize += entryLength;
        }
    }
    readNgramReferences(ngramCount - dictSize + dict1AtomCount, dictSize + dict2AtomCount);
    readNgramReferences(dictSize - dict1AtomCount, dict1AtomCount);
    // Second pass: concatenate each ngram's two halves into the pool.
    const pool = new Uint16Array(poolSize);
    let write = 0;
    for (let index = 0; index < ngramIndex; index++) {
        for (let half = 0; half < 2; half++) {
            const source = references[index * 2 + half];
            const value = single[source];
            if (value < 0) {
                let read = start[source];
                const readEnd = read + length[source];
                while (read < readEnd)
                    pool[write++] = pool[read++];
            }
            else {
                pool[write++] = value;
            }
        }
    }
    // Stream 5: data. Each code expands to its slot's stored values.
    const out = new Uint16Array(resultLength);
    let outIndex = 0;
    while (pos < inputLength) {
        let slot = BASE91_INVERSE[input.charCodeAt(pos++)];
        if (slot >= dictSize) {
            slot =
                slot * base -
                    twoCharBias +
                    BASE91_INVERSE[input.charCodeAt(pos++)];
        }
        const value = single[slot];
        if (value < 0) {
            let read = start[slot];
            const readEnd = read + length[slot];
            while (read < readEnd)
                out[outIndex++] = pool[read++];
        }
        else {
            out[outIndex++] = value;
        }
    }
    return out;
}
//# sourceMappingURL=decode-shared.js.map
;// CONCATENATED MODULE: ./node_modules/entities/dist/generated/decode-data-html.js
// Generated using scripts/write-decode-map.ts

/** Packed HTML decode trie data. */
const decode_data_html_htmlDecodeTree = /* #__PURE__ */ decodeTrieDict("!}.&u%}'&}*'~!6*)%&,~!J~!J~%L~y<~!R,~~%Lu~~#GD~~#|)1#%}^%}2%+#.##%##%}&%##%'#%##&%#%#'%#&#%#&#'#%%#&#%##%#)%''%&%#%#'%#%%#%%}%%%#%#&(23#%%#&-%0%('1#(##%#'##+%'*.:1}#%#6-+(%'%%#%%%}#L'2351&('%}&/N'(0(/*-%(%%}#'+&T%7.2}#&%&#%#36/5##%&%%#&#%%#))2%%##%&&'0~!#*+&'%1~!%).'3q?&%'1~!.##%6(~!+%%%(Gw'rT~!E#<nA%#jZ~!H%(~!42##~!*31&~!G%U~#)5~#`3~!J~!Z~%]~%Y~%C~!q~!u~#kz~%#~!6'~!D~!U~!?~#T~!c%~!G#'~%7|~!G~!J~!G&~#pb~(Df}#%}*&}#%##%##%##&#-}&'#'&%#.++}%mI,#,@&(}*%}*'%&##&#%##%}&0}#.},U},%}+%}&%}#%##&}B%(}(%}+%)})%##%#&}&%##%&}<%}>%#%&}*%}(%}9%}/%})%}*%}*%}?&}&%}3%}&*#%})%#%#)}#&#-#+*%E%%'%'#%}#*V##&##I}#&&##%&%#&&Qf%%))w/0+&%#(#.%-''''++++7}>%4'',##1,#%#&%##&#'##&#*#9)%&%}#*}%,#+P(%A&%#'&##wSD',9E00#y#@}(+}&%&>~!#~!X}#*}(&&}(&}(,%}%&#+&}#&}I%#%}%)#(},'%#*}4%%#%}(''}#/##(##),%-##%%)#&}(.}&%#&}%%}*&#%},&&}&%}#%*'#%})%}D&}&%}-&}6&#&}-,%}#%})-(~+`~,=?~I9'9%~!,#%})%})%}@%}?%}(~!?~#<~#pP~#BG~#=1#%K+~#?#~%;)~#A~#mF1~#A'~'X%'~#lR~#N~'N~#r~#m#-~#i'?%#'%~#B%##%,%#~#_%#0%~#]732~,w~2+#:&#%&'0%&>%}#>##F+)#%&&#(+_}4&}-%}(&}@&}O7Fdf0@+/v4}&WU##&/0#&'('B#%}.%}'+#%}#%%&#&%#%##+#&#)#6#'#.},%}c%},%#%##%&#&%#&~#>'*-.%##%##%}#%%}%'~#)D1}#%*&~#_%%'(~#S2%'.}#~#=##*'*-%}&'%'##&&~'E%.#&~#M4}%%##&'%#~#O1##%&#'+~#<B%##%%'%+~#;#@%}#&%#&&%#(~#H1}'%'##&&~#?A}&'~#D#%32}'&&&&~#[}'(#%}'~#;C})&}%%#%~#=&%,3}%'(#%%~#^'#&&)#%'~#Y%-~#d-%'~#^%%&#&&&}#~#b~2t*&'~&(~&@~0%~e~3}%*''0})&}+~!9##-}#%-hD*)1fC#%/&/fB#40~!+#)*4~!+~!K'&:~!/*7~!.#~!H~!L':~%x&~!H#~!*~%1~!I#~!+A~#p'~!F~~#-#~,,(~.Z~!V~%;'B'mq-W~!N~%I%#&&#&}#%},%%}'%}+X#%}#&}(%}'%}<%}#%}%%'}'%}:~![)9@~%>~#UA%-%##&~!C%~!-.9:~!1~!-^2/:a~!y,D*J#-5)/4~%23,~#G~!L1~!0X3`~!2+~!!0-~&E~!W~!o,>Y&]~%cZx_&~#O*9#A#'#+I'%#)~!0B*-5A+-((F&*M#)(-7-5+'-3a5Vi~!Y~!?+[)%3),ERHm~!+:D,VG.+)?fB%%*(%)'(#&80%1'8`K8?`+'Z#&O&'H5#*9)A%%5&3))0%39+.*7#()&&*=4@**L)<'_&*+..;(#*+)./&0#3)%')-8(4ixD(&.}%,('aI:,)%,k2231T)I'#/-W7,/'Q#.'Y24+h')37</31&83##&0#),H(?'&?/1##%#&&#%''-%&&&#(&''&#.-'%#%%(,')*'&#&#'##%(%(#%('#&##%%%%('%#%#%%#%#&%##h>w+v<ayvyvcg.uuhKr}g/v|g>u9i[~>g5uI~=RvdwEg;v/g;uk!!TTSx]@RT!U!#!@VBRUU!'UTe-d0c`e&gSdicedFcrdTaqb.kYcAohdYd@a3e+d}dMdtd.aJ#bqcK`dle/e.e'dwdPdodddjbEb}ogd^ofdpduc6j?l%d{drdqc)d7bacOdQ%T#Y)X.sR[yH>6Vyv3[xwLu>vo'!*.[yBacahoj>6Rew3[xqdZa#!a&#^(X-[yG>6Vyu3[xvg3sEr|g.u/Ri9db0T#^(Xa)!-[y;>6Vylg4wKs{JwNZt3@3r=c4Z([xlg;wKt!cpq's@v7A'*a(a+!-a#[y<3Dt?3Dt'>6Vym3[xmg9rxsNJwLZt4~?r?db1T#`-!(Xa,!0[yS>6Vz%NuQs.g4wKtnJwNZtS@3r>c4Z([y%g;wKtrdga8!a(!#&T*Y-Xa#!a0<or[yc3Dtq>6Vz43[y3JwNZtf@3s!Ju}!%Dti:pm3c_%X#tjB5pkd6q!r]u?voC'*-a.a2!0a&a+[yI3DtI3Ds~3DtH>6Vyw3[xx;:s#~<5pKJwNZtE@3r~d`a)!a2T#a.(!+U.X1[yT3Dt`3Dtv>6Vz&3[y&g9rxwzcxstPu.<rAJwLZtT~?r@dZa%!a.&^*Za(/Reu[ya>6Vz23[y1g3sEr}wkg{NuQRg{ci(U#5@b`~,cg#U(2WnH5wugcRh7dX#T(Y,a'Ta!!a,[yZ<]mj>6Vz,3[y+Pv#5ReZKu+=,%!H}7ABwkaS?Rh:BcW(X#<]mrj:ubv/ARekdg%!(!a.*Ta(Y.X1!#sP>Rl*Dt6[y>>6Vyo3Wf*jOvuumvuRgRJuq*!:9<B@bX~3jVv&v@s@5Re[d/rQt{uAvo&a&a*)a2!,0Wf!3Dt0=Bs'>6Re}3[xy~<5s%JwJZt1~Gs)c;&!#2sJkNuXvzq7rxu,Re8dka4!a8(aEZ+a@Y.X1Xa)[yd=Bs(3DtP>6Vz53[y4cX#X&Re:avRe9~<5s&JwJZtQ~Gs*i^rzvdRg+Jv{%!2sbB@bX}kdga,!Za?&^*T1/!a'Dt+[y6>6Vyf3Wf%g/u;s4hGu6?Rh-JvZ,!c%#&RoX54Rivj7uyvf8RgTKvZB%*!2sGh<vu5Rgq<=C::9bb~#dZ#T&Ta6Y.X*Dt>[y93Wf)coZ(T,6VyifluvRgC@95@B@bX~/hFu34cC#T,k/unq8w8Q5RkUklwQuzunq8w8Q5Rk8d/rJu?v8w9)-&!a0a;a&aIWejg3sEr/h1s<DtDJvyZqY5aws3Jvy!&Wei~Hr1:au5@Bag>23E~5c:Z&bX};kKv?w&unuVu5Rjc;>bs)#~@:Rh.=ay<a]C;b`}Vd6s/t{uAvoaxa()!a,a7%-a#a2Dt,[yF2Wo[>6Vyt3[xuNuPRi&NuPwpi#RoWh?vf8Ri%Jv]!%Ri:KvxD!.'2WeAjZu`q9rxu,Re7woeAg-unLq(qA_/*2Wg_g3u5q^9:4E}/jTrxrzv=Wkkd~0UX#^^Xa-a1a5T&a=U1a'*aEa]!a*aPaA-adok[y54Rn>;:p3~Dp5g9rpsFNvZqjg3uJp4~<5p0Pw;5qlJwNZt*@3p1Pw:5p/Ou!5p2JvG'!6Vye=<qnJvh_[xhg3v,Rh3kOwOw-sDuev/Re^dha[a%!%!a+#Ta7)-5TaCaO!aka!a)sf[yb2>Rl!9ARiq5E}Qg=ucRkBE|oJrJ_@Wk~@Wk{JrJ_@Wk|@WkyJrJ_@Wk}@WkzJvO_[y2g-vMRmiKuYC!)&>Ri;>Ri<@3RkNc](X#@9Rk=g5vuRmhKvDB!+'=]meg3u4Rmgd)#Y'Vz3CARmfd`a+!%T'!+#Ta1Ta6TaM-sTDt9[yA9sYd'%Y#s[[xpj:ueunaXRgEjRq,v-vuqdd2'`#6Rev<32@5>:2<E}5xIo9a*X#Y(;5RePJvD_g>vyRgNj8w)v8<wggs:RgXiZt|vjx,hSq3ah!-(~@:Ro/Ou!5RhWj^v(pyw8unRhUdx-UY#^Ua.a3a70!)%UX1TaDa)'omRiRRhE[y:3Dsz=Br,>6Vyj3[xkg6ruwjcqsrPw;5r*Ku]D'Zt-@3r(~?r.i[vwv]dU1a--U#`a4(g/vsRhPOu!5RhLj:rmu9Wo!~@:wdh@g/vsRiTjXuvvNr}:RhBj^v(pyw8unRn]dz1UYa'a+^Y(!aETZalaRY.Ta?a4[yDJw1!#qLsW>6Vyrfzq-pLflpwRe|Js>%!Dt@3Dt&Jvy_[xs~HrnjMuwpsw'RecKu+D#'!t<~Grl~?rjg5u-x,gwp{ah!-(~@:Rg~Ou!5Rh'jXuvvNr}:Rh#cW#X/c;&!#2sLi[v7u7RgpJv)(!iLrxu,Re6j7v@s@5Se[e7d`aW!Za(a`T.a#!a3!&aDa-!9)Dt_=6s+3[x~~DR|h~DS6avhGun5RkZj3w)v-]mkKunB!&*]kb97R|i<ARk<c:Z(6Vy}Juh'!wziMRoS:F|vkLuauJv5vtvQRh1d='T+Y#VyO~DR|jcF#T'7R|g97R|kJv3'!ay<Rj,Jvh&!:ReXcsa6*a+#a#_aIRf9aLRf?c,Z&Rf5Rf7c.Z&Rf;Rf>cQ#%T'p-Rf8Rf=ct#%'(*!,p,Rf4p+Rf6Rf:Rf<d~'Ua%U*^UYa(!a,-!#a4YaTalaEX0a8a<Weo3Dt/3Dsx=Br93Wen~Dr;~<5p<JwNZt2@3p=Pw:5p;Ou!5r3c7&!#:p>3Ds}KvGB)_6Vyk2sM=<r7x'eovA(!hFu1ARf}cV#X&@r5j6rvwQa^Rf3c=Za'wkghJv__g;unRggA53B9=b^}%j6uduo5Jq;!(hIv%2Re`Ou4ARe_e%a#^^^Xa&!a*a2!&a6YaP!*ad!#a:aE/5Rn?[y@>6Vyp;:pE~DrY~<5pBJwNZt8@3pCh=rt3rWPw:5pAJup_[xoNuPpF9c!#'45pD5ARn)d8#X'X*3@rU72s]h>v<<sSjJpqvewOJq/(!hNw'5ReBk0s2u3w/w'5ReE5@Jq.!a+JQ!&WeU23d(#Y&RjG5]jBk!u7w&u0udARjEe#+^^^Ub#!a2/a`Z(agT1!a-a;|@TaG!aS[yV=Re~fow'RguNuPRe?bz#'>RoUWeL>:Cbb|?JwPZtVg6ruRmzJvD'!6Vz(g/vmRh~Jvy_[y(g9voRgyx*cy(#2>Ri2B9b]~9kIw9u7rluJu3Rg]dI#a%UY'@=p%CAx.gQZ&RhwwygtRm{x5g_Z'+ABqR9Woa=Bp&dV#^*Xa'!&@o{g4v]Rk;Jv{!%Rk[wkkiA5RkiwwfUB=x,fUuqC&*!>RfTg8v0RfV~ARfSd;rJsAuAv9wR'ae+/aO!a@aza/a#[yQ@Wg!2Wemg3sEr0JvB_g>uvReWg2v+Re=KupB_+[y!2AbY~-~Hr2AJwD!(h<~El>h<~El?Kun@+_:9b`}Kg-v/Ri3g;vtwyk_9]k_d=&T#*U.6qh@Ab`|K9:H|CJv[!&3Dtex'fDwC%!Rf[9WlMd[(^X,!a%Z06Vz!@WgBg=v~Rgvg,QRe@awd,#Y+jTv|Q~EfWj]uNr|~FRfXdy#Y&^Ua%!aO.!(a)Ua;=!a@aKap!a-,a!Ta]a[rSa]p?[y82sK=Bq~;:p:~<5p8Pw:5p7d'#Y'Wf(;RnRi[u4w&RgJJvG'!6Vyh=<r#ijuuv/sIKuYD'ZtG@3p9~Gr&d2#`(g<vtRgFj`u5w&rqpxRf2CJuY!+:wfnTOu!5Rg}jNs1ucv&RfwJvA!&3@q|BDcC#T,k/unq8w8Q5RkTklwQuzunq8w8Q5Rk9dga#!a'!a=#a0!:+Tb*b@aO.a4!aba8aFJv^}?!VyR~Dr<g;u%Rn.~<5p[x'e`wNZtR@3p]Pw:5pZhNvjBp.woe_g5u-r4JwF!%DtO3:ooc7&!#:p^3DtpLuGw(!+%)Dtk6Vz#2sd=<r8d'#Y([y#<x3gJt`w@!)%}MRiowzikRij=]ilxAf3,U(#B2Rf#g0v-Rm[ck{`U#]giKv3>)!&6Ri154s,KuGB_%@r68r:dJ|t`#X(9<E|u2@H|rx3gJu?w'!+'1Nu7Reg4=H~+9<wxgY95Rm]xLggZ-`(X}U2:Ri4h<uOawRmsJv__5@bb{jbV~3dka#a'a]!,#a+U=a>b6a3b%!/aKa/)!arwve^VyJ;:pR~DpTg3uJpS~<5pOPw;5qmPw:5pNOu!5pQJvG'!6Vyx=<qoJvA!{~Jup!%@qk7Rn/KvyD!}''[xz;>wkh'?Rh,x8gyt`w5D!&),(SgyccRgztJ@3pPB5p#d'(Y#<]mmifubw&RgoJvE&!82s^JvF&!8Rf,ADb]~;x=h'rNu]vK!,%'*0RnORh)4Rh*AqQg-vaRnNg;wHwkh'ba~4cE#Ta*x3gctyw@'!+%RnFRnD<4Rn@hFvK5RnCxWg[#`&a0Ua()`1Rm75Rg[c]%X#qi8Rg^NvdRj>BwzgZauwji7Rm6A4wgg]d1#&(*,.0a#Rm;Rm<Rm=Rm>Rm?Rm@RmARmBe%#^^^Xaea?aC/b+(,!a+a#!a/!>a&Ta<aKbD!2wphBRnk[yPw}hE|.=Br-3Dtm>6Vy~g6urRf.x,hPrNav!%'RnqRo%Ro#Nu;q[Pw;5r+JwNZtM@3r)d'#Y'Weh;xChL#`&RnmRnoKu}>%(!Rne~Bs-;2wjcussJv+'!aYSO}6@B<5?ba~8LrNvj!.%*ROwungw~ng~:9;Ri^>wtnig;wHRnixDh@|(UZ.x1h@|)!#:2<H|*xHn]#-UX'3Ro)z=iT}6ARns=Bwsn_wpnaRncw]aR(#UXa&Ua*a/=]iPd'#Y&Ro'WnXf{QRm2hNvj]nZd`'T~&1`{|`#9b]{}c:'!#Wl{>@=be}]?cl{{U#:5Abb}Jds#^YaF!a*b4a#a3aPa>&Tb!bH!*a_!Eau?/a&RjY<]gj>6Vz*;:pe~DrZg,QRj1JwNZtX@wihspcJvZ&!VyX9WmOJu|!|N2WmHJvh&!]ht~Bpbcn&T(!#RmQ<s7Nu;padH#X'`+WmJ@>RmKCARhnKup=!)&Wf+:RhqNuPpf9c!#'45pd5AwghpARn(Ls@w!%,)!RmP@Wfe<E|IJva!&WmNg8vsRmLd`*.`#Y'Xa!axRn*]hrA8Rhug5s@rXg8u!RmMd8#X'X*3@rV72smdI*#UY&RmICARho~GsgxVgd)Ta'U-Y&Xa!T#RnEWnA@Wffg1uDRi0hFvK5RnBxGnG&#`%owp)@wsf+bX}Ze-*1!a*^^^Ua|!#a.aq&Ya2!a>.a6!a:aO`aJDtL[y`@Wg#>6Vz12@wzoYRoZNuPRi!NuPRhzg=ucRi,@=b`{Yg=ucRi-ACJvB!&Sh[ebSh]ebi`wUuFRm4Jw2_[y0JvB!.<Ju(!&SoG}6Shd}6<Ju(!&SoH}6She}6Kur@._g5vHRieJvx!{L2G{Kx6gd'T#?Rh82Wi5cZ#X(g1w)Rm5dW-Y(Ta#!a)!#aYa=wnfE=su2>>bU{0j9udv:<svj8uQv-7RgHdE%#^'sq9sp=>Bb_{TJv`!&g/r|snj6v(us5d,#Y(56H}[978H}]Jw5!&g1rushJvB!+j;v{u5?zDhd}6}bj;v{u5?zDhe}6}ce*#`(^^^a[aea!=!a6a*aoXb1a.!aAbL!b>,b'aL!aV@Wf|2Wlg3[y/JwNZt^@3piPw:5pgJunZou3@rsJva&!Vy_g<v~Rm#JvG'!6Vz0=<r{Ju{%!:pj@WfsiXuJu3Rm:JvZ&!WfA~Bph@c4Z&Dtwax5rubx(#:awRk1@d,#Y&RfjRfid1#,Y(@Wfp2Wlrg5s@ryKu[@!,'=]ig9wlk?Rk>g5u-rqJvy'!@9RkQcH(T#=>Ri~@<wkj(Wj(KuZB*!&<7rw@9RkRcH(T#=>Ri}@<wkj)Wj)dg(Ta2Xa9X#`-!a*CARhg@@=I}d9x;c~#X%so=<sj>2@@=aybb}XjWv0Q~EfEj3vLv;<d,#Y(56H}`978H}_dgaPaFa'a/!#a3Y0a_a;a|!1(a7-[yE3[xt;:pJNvZrrg3uJrvJwNZt=@3pIh=rt3rxPw:5pGOu!5rpJvG'!6Vys=<rz@c4Z&Dt(ax5rtJvZ!&~BpH@wsfNg-vaRlNci*U#=<wei<F}a5@Jq.!a*JQ!%@qZ23d(#Y&RjH5]jCk!u7w&u0udARjFd/prq=tyvpaEa(a:.!a1aZ(@@=I}:9wpd%=<sX55w_h}@@=I{t=ay<aU@@=I}T=ay<2@@=I})?C9:9au@9Cb]}DP~=x-fAZ(2Wl1=ay<aU@@=I}>5@d##Y+jTv|vV~EfFj]uNpn~FRfGdgaK!Z2&!a8a-Tb({E!acTbM*!a(DtY[yYd'%Y#sl[y*hHvh>Re5x2c{Z}.j4uCvcawRiMd+#X+_x&d!},<5RkX;2Hzw@x,gavfB-!{CcF&T#Roe;RodwWbBg5urRgaKvHC*_6Vz+<4opieuew&Rmq@d]&Y)X,T#X0Rh}<BqP=4qS9:ReMg/ujReNJw0!/<Jui%!bd{kawwnemRelAxUa?a3#*.&UX(Ya+a/RhvRnQ<o}9Wmtd-#Y&RgSRmw9;Rmxay=Rmyg-vaRmuxEhSrNu,v-voC!%(aR.a(a7+1Ro1>Ro5CE{A9b]{@;5x#eO{:g;urRi+KrNA!%(Ro3>Ro79;Ri_Ku@>{;&!x%gX|{KunA_+g5QRj/g3u5Rj#g>uERj%wio/xRhS&!,!#^1U}wba{8>>@=be}qC@:D5ba{7Ku+A&!}x?ba}t>>@=be}se(aA^^^Uat!b0#{pa+awUazbGa#aLb9bgaWac'a5TbS=Br!d1#`%scp_Jvl!#rT>Re0JvX&!VyN=H{Fcm#U&:pY=ReaJv2&!]h0=]nUJvG'!6Vy|=<r%JrM_=]h2@Wlud'#)U'Wf'b]{i=]h/Jvh!&~BpWg=v]RnMx+ny#'Nu;pVwjnu=]nwxJnx,T#`&Reqwjnt=]nvieu9vrRjLLuYwP(#+!th@wih5pX~Gr'g5v/Rh4KunA'!-CARnP@wwiN:Rm_9x'cvw>!|l=<saKvAA!0&3@q}>w^e1bp#&Re2Re3BDx7gH#T|f5H|eKuZ>!%(:qNAH{]Jv6!+3B2B9=b^{X<5<B92:E{ZLvhwA(a;a%!igQuyRmad+#Y}m@3Rh5d8#X'X*:AqUAHzmaxwbh<aXRnVcF}RT#Nw&cj#U(BWnug/vsRntdka)(a3+.Zb7aYYan1!bVa@Xa}[y^@b[{G=H{+hFu73Rj&Pv#5ReQcK%T#sig1v{Rj'Ku+D#'!t]~Grm~?rkKuMB!01d5#`'Vy.ta3Dtu~Hroc8#'{^45s85AwZbP&!#Rn!wghxWn#KvEA!)&2RlA2RlBx:h|#(T,=]j09Wobz>x]z/@awRoTd+#Y(az]hFhCrm4d,#Y+jTv|Q~EfMj]uNr|~FRfOdCa!Xa9_X#@<plJvf!%b`{(9;Rgwc;.!#2x7cw#T|UDb]|T5Ju={(!=@E{&Jv)&!Ab`{'awJvf!~*>>@=be{#KuY>!+&4Ezyi[ugv&RjIdea+T)#UXa&T-T&a!Rh9auRmW=]kLg5vuRn+g3u4Rn-Ow6ARn,hHus5xNk?#UX(U~)/g8v0RkD~AwkkF?Ri.OuNBwkkA?Ri/d|a2`a*^UYa.!aBTZaTa'Xa;!(!2!-a#b2[yC>6Vyq3[xr2Wi?g1rusVh%s?DtF~<5rbJs;%!DtBfswKtCj[uvuSsEu3RgVx3o:u+wN'*Zt;@3rd~Grh~?rfg8w)Lq)qE&-a%!>bI|`jWv0vV~EfCjTv|vV~Ef@j]uNpn~FRfBcK#T']gWNu7x,k7q4ai(0!hHv8<RhmkMu9vrsBuev/RhlCJvB!,g<v{wchh~@:Rhji[vrv{wchi~@:RhkdS&a5UY#Ta!RgPwwiI5BwciI~@:Rh`x'iJvj'!5]iJPu8Bwch]~@:Rhach)U#h3rp]gLh@t|Ax,hTq3ah!-(~@:Ro0Ou!5RhXj^v(pyw8unRhVd|)`,^UYas!a?/a2Z'a^Ta{Tb7Ta(a#!a,Wf&9sZ3DtAadamov=Bqt3[xig8vsRm~>waiL2b`{QJv*_Ouv2qgj<v]v2BqfdR'X*X#Y-@3qr~Gqv~?p6hHv-]glPup5Lq+q?_%*b_{qF{n9b^{rOu4ARhpKvCD!+&~Bqp:5Dbb}nwoiKl&unuTuBv]v+ueunaXRf0=Jvh!0nKufu8v1w&w7q%w&uHrz:Rgnj5w,uxDJq/(!hNw'5ReCk0s2u3w/w'5ReFd>Za&!*UaA=<wkgsRnSJv^!%Refifw3vyRgOKu_B'!,<]gkiiu:w&Rh<=C@a^<B57@2F{[<B5@aW:=3away9A5aW=<B=C@a^<B57@2F{Ie-#`(^^^bCara.b8aza6!/bZ,!adTbnTbOb+aFaS!aAT9@Wf~2Wli3Dtl2@d,#Y&RfnRfmJwJZtN~GqyJva&!VyMg<v~Rm%iXuJu3Rm9Jv[_=]ih9wlkDRkCd1#`(@Wg>2Wls3cH#T(@<Rj*=>Ri|b~'#23s9h<~El.d'#Y&Dtxi^rzvdRl#d*#U%(o|B2s`hJwSaxRmDKv4B&!1:Rmdd5#`'Vx}to~Hq{x'f1v3(!BA5ba|bJv_&!Wfug1v]ReIdO+U/Y#&G}-8wze=Rh{g1v]ReHg/uQRf/by#)ibQwERl/cH#T(@<Rj+=>Ri{cNu+vlax-!(#a0qa9<Rii2;;bU{H;x<i=&X#Rk`<4wwi=C9H~8xAI(Y#<azRi@45wXI<B9;5bb~7dL(X#Xa(+!aL6Vy{g5QqOau:5au2@ay547EzbxOcU(UX-T#Ta#:Cbb|A?wjh/b_|SOw6ARgtihr}u7Rhy<d1#T)X1@@=I|~=ay<2@@=aybb}Sj3vLv;<d,#Y(56H}A978H}@dGpvs@uAu`vcw9*!aFa+ai%(b!aXa8.a?a[ozWey=sU2@G}Nch&U#Rf_WexKu+D#'!t:~Gr`~?r^j]uNr|~FRg*j^psurwJt|RmcKv)@&!)7Rkv~Br[@wxfO:Rl3co#U'6Rezj_q#vIuavjRltwzeyh@vr5JqD0!>aY?C9:9au@9Cb]}9cl#U*5;5<H||jbuus1ucv&Rfvg1v~d/pppzqFr^a--a~!aMat1(hFv;Wiz@@=Izoj5uuv-7Rix~Cw`fk2WlVcZ#X,k)u3vWs@u2]ktg;wEx'fBq(_2Wg/jTv|vV~EfoJv]!15x'hzqG!(P~EfU~CRl_j6v(us5x4i-#T(2WmZ?C2F|d>Kq<aj1!*jTqIsBv=Wl`~Cw`fi2WlWj`v0u*~>RlR=c>Z,k#u3vWs@u2]kr<c1Z+jTqIsBv=Wla~Cw`fm2WlXdmb3!a{(arZa`bkTa%TbQTa-a9+c'!aM!/[yL=Bqug.w'RifhFvyDRj.g>vgwyk^9]k^Jv3_@WfbAARkhJw2_[x|JvB_wkoIRoKwkoJRoLd'(Y#<]gm=<9<H|yd'%_X#skDtb3awwqkgNulRkgdB#^',9:p'hJwSaxRmEBwVb8@4=H|qLu+w50&!)@3qs~?pU>Awwn;;Rn=c:Z'ARn<=<qwKvC@!/&~BqqJv6!&]eVb^z^xRge'/a%+^`#Sge}6<4Rn3=]n0Pw2>Rn8Jw0!&>Rn:>Rn6cY#a7+!a&=<wkaNw~h3z_c5Z{=wjh#=]nLKv^D!&)Vyz=bW|swYb<WetcG#T(2wxa@qVx@gD#Y&b^|V5JwG&!5bb|pg/w&RgD@x=kHs=uAvn!a%%/'+RmSRh694Ro`g-vaRmRhHv-]mlxCcS#`&ba~.5cD#Ta)P~=d,#Y(56H{>978H{Dd_#{2^Y%_+qbbb{6g3sERhsbU{?dfa.,`a(Xa<!aiX#(55RiG54RiHcI#T'WiU3RiVNvdwtfcRlKNvdd,#Y&RlHRlExQgf.1*^T'X#Sgf}6Wn4=]hfPrk>Rn7Jw0!&>Rn5>Rn9Lunw?&a2!,5<oq@@wqfdRlJj5Q~=d,#Y(~ARfcOuN]fdDKw;ay(}i!547E}j?cI#T(@5bV}iCbV}hdv(^^Tb?a40,b##Tbo!a*bR!a<b|a/!aKai!aU[yK=]o^g:v>ReGJwPZtK<7Rh+h<~El,Pv#5ReR@awwxjCg,ulRjDJv6&!]j!z?aQeeg>w=Sh<eeJw;!&axEzOg,Qosc!#*:wkeJ]eJ>x'h-u(!%Ro.w~h.zPdNZ(X,Ya![x{;9ReY;wkgxRiF:x?ap#Y&RmUg<s2Rkod]+UY0TZ'!a&A9sw<=bczLNvuw{gqzNhJwSaxRmCKuLay!#&s_Rf-55b^{uJvZa!!c%#(55Ri654wmiu5RiuawLu,vp!+}^%b_}Y9;wkgxba}o>A9:=b^}zKuh=a''!3awRk3c*'!#aHRk6c+Z&Rk5Rk4Jv)&!awRjSawd9*`#0?C2@EzMj8u<uJ5RmbjQrquJu3x,k>uq@_+=ayb^|W~ARkEOuN]k@7dhzV^X/X&a-#zRzSb`zXcJzTT#2WkVKvDBzW!%FzY9;5bbzWjQrquJu3Jw3%!b`zU=ayb^zQd:#X(T-a!6Vyywxh}=b]{Jg=u1RiAdGp~qHtzv!w(wA+a+a;<!aJaYai'anasb(=azRmV:Cbb{MLq2vb!%')RjuRjrRjtRjqx3jnqCw3!%')Rk(Rk+Rk&Rk)Lq2vb!%')Rj{RjxRjzRjwLq2vb!%')RjsRjpRjfRjex3jcqCw3!%')Rk'Rk*RjkRjl9<CbbzfOu4ARhxLq2vb!%')RjyRjvRjhRjgx=joq*uKvb!%')+-Rk.Rk%Rj~Rk-Rk#Rj}x=jdq*uKvb!%')+-Rk,Rk!Rj|RjmRjjRjidAq&qKs@uAv8Aa.'*-a@a&0!aM@a5[y73Dsy3Ds|3Dt):wxgI2sHJwJZt.~Gqxwsf0ikrzt}Rl0Jvy_[xj~HqzKv_A|D!&WfP8axRoVcf,U#k(v]v+ueunaXRf1Ju}'!g8u#Ri=jQw!sCunLprq>!,')~<5qeGzq9F{W=c##%s5au:5aU3CBE|;d4#X(D!a&6Vygx(b;#(=]ed?C2F{N<capoq2r[a&!aPa9,'Pw;5s:@@=I|,55w_h|@@=IzcP~=x'fCqB_2Wl2>aU@@=I|1OuNBc1Z+jTqIsBv=Wlc~Cw`fl2WlZ~AcTa%!Z+jTqIsBv=Wlb~Cw`fh2WlYk+uNqJsBv=WlSg,u3dca3#UXaMYa)TaB-=cM|7T#<bI}l5@B932:aV2G{BOuNBJq:|M!5Ezt=<B=C@a^<B57@2F{v>cB{/T#=ay<bI{3Jv6!a.6BKq0ah&+!5E}HP~Ef{978BaU@@=Iza<7d#.Y#978BaU@@=IzH~AJq0!(@@=IzG978BaU@@=IzFe,aU*Y&^^^bvJb,b:bFad!a,c2Ta>aL.bo6!a#CbTa'T#Re{2Wlh2@G{yg6t~Ro_NvdRfticuRQRllJv3&!x&c|zs@Jw3!%RflwpfkRlpKuL;%(!Re<@G|C2GzdhIvuBwgjAg-u0RjAKQB%!(GzZ@G|5NuuRl7d='T+Y#Vy[g<v~Rm!==G|>JvA!)@wma=]m1ifuaw&RmnLs@vT'!|/+[y,g:v>ReTJw1!#qX=x!eC{bLu+wT&)ZtZauq_~Graci&U#F|89:r_Lupvq!.)&2RlG8RfaC=x!eF{_h?rpWlmd&'!#X|&]k::xJey#`'T|+<E|&2@H|%dE#(^,g;u.RiEg6vjRiC9xCkA{O|zY#g=ucRmXKs0@!&*@G|m@awRknJuh!,3d(}gY}eJvj!%Rm):Jw3!%Rm+Rm-Ls0w(&!a(a#@b[|6cZ#X'7RkxWgAOu4ARn'dH'U#Y*Vz-Wm'CARm}d]*#a%^a*T'aK!a<9bV{PC=p*Jw4!&SgxcbB5r]idw(wBRmF7xFkt#&`(Rm/Rm8E|!JuY_9:Rl5=wrgr2:bbxd@xXfB(a*#T+!.X0X1Ta/a'T&RlDRfL>RlyARl9b[z[>RfZ:RlL:RfRwlg/ARl;9;RlxKv,A/!%7s69<74=BA5ba{-8Bde#`a<XaKYa1,a'P~=wxfB2bZ}}?C972@@=I}r8@55B9;5bb}G978B2@@=aybb}3j3vLv;<Jw3&!>Rfk=ayb^}4~Ad1#`*@@=aybb{w2@>==<bbz]dx+UY#^UaF!a9!bB'Ya1.!ajXa#%olRhD[y=3Dt#Ov5BrHKuMB%!(Rf^Wep~HrJwkiQjKr|~FRg)Ku+D#'!t5~GrF~?rDdV)UY,Z/_7RkuG{<~BrBg,rlsO:235B@bX}|d?a1!#`(6Vyn5@d##Y+jTv|vV~EfIj]uNpn~FRfH7Lq2vb1!a9-978BaU@@=Iz9978BbU}#~AJq0!(@@=Iz8978BaU@@=Iz7~AJQ|}!978BbU}!JvkaK!AdUa21-U#`a+(g/vsRn~Ou!5RPj:rmu9WhOjXuvvNr}:RhAj^v(pyw8unRn[kPr}p|u7vwv]RiSBd;pppzq@qHQa?(b.!a.a`@.|xa(hFv;Wiyj5uuv-7Riw~Cw`fg2WlU978BbU|wOuNBJqG!(P~EfD~CRlQcZ#X,k)u3vWs@u2]ksg;wEx'f@q1_2Wg.j]uNpn~FRfqJv]!15x'h{qG!(@@=IzK~CRl^j6v(us5x4i,#T(2WmY?C2F{1>Kq<aj1!*jTqIsBv=Wld~Cw`fj2Wl[j`v0u*~>RlT=c>Z,k#u3vWs@u2]kq<c1Z+jTqIsBv=Wle~Cw`fn2Wl]dn1#c(a(b^a2!b/bAT(bj!aDa7bu,a_a{c0!2T0g:v>ReD2@G{42@G{5~DpM~<5rc=Bx6i>{RT#RnI@zCx]y]z:2Jv[!zr5Awyk]9]k]dD(Y+X#6Vz.g=wKtgwhaCwgmTWj2Lu,w%_+/[y-B;b^xeg3u3Rj-2@bX{*KrJ<!+'@Wg(g?QRlC@Jv`!%b[zIwsfII}8JQ_@w|kW|=Jv(%!AqcOuNBJvEzh!bYzjLs@wP#(0!oy@>RkdJwMZtc3Dtd@BcG#T'9bWxg2@2Fznd*#Y+;2x'c}w<zizixNgwa#Z'U+!/!a'!a+w~g~z6wcn{Rn}wcnzRn|5Rh%=]nJg5vuRmvNvdRlvcprJu}w*az*a#!%.a.'Bot9qT]kj@Wg'ay2Gzv@Jv`!%b[zEwsfHI}1;ck#Ux`<Cbbx_Lu+w!a&0*!wko*wwo,So,}6Juqxf!E}PigQuyRm`d3(`#8>Rn%:A5B;bZ~%KvhCa!a2!x>k7#Uxb@b{#xaRk7Jw0!)>wwhlShl}6>wwhmShm}6CJvB!.x'hhvj{!!5Bwkhhbaz}x'hivjz~!5Bwkhibaz|xEhTrNu,v-vpD!a%&/)a3a.,%Ro2t[CE{)@3re9b]{%wjo09:rgc:Z&Ro6=<riifuaw&RmoKrNA!%(Ro4>Ro89;Ri`dSaL'UYzxZb)7Rka3xRhT&!,!#^1U}vbaz{>>@=be}yC@:D5bazzKu+A&!}{?ba}y>>@=be}wxBh[t`u~vJvr!%a!a()a,a0a4RoC=]o;Ju(!%RoGRhdwjh`=]oAg>w#Ro?g5vuRo=NvdRl|Ku]C.!&;RoEJvB!%RoORoMBx'h[v+_?w~h`}~5?w~hd~!xKh]oiptu-utv.vp!#%&a30a@a'a+(a/aOp(o~p!RoDJu(!%RoHRhewjha=]oBNvdRl}g>w#Ro@g5vuRo>c[#X']o<CauRoRAd-#Y':RkpauRoQKu]C.!&;RoFJvB!%RoNRoPBx'h]v+_?w~ha}t5?w~he}ue!/UbhYacXaW^Tc&a;b:a-c/#b&aja1(!cL+!bKbt!bmcRc9aIc?8[yW3Dtt94Rg`Jv}!&SiRMzBhEebShEMNuPRe>x7gL#TzuwjirRipc<Z&>on;>z=h-MSh.Mwqczx'a7vj&!>Re4@=ResJt__NuPRi*NuPRi)j]uNr|~FRfzKrJ>_+@Wfy@Wf]2WocKrJ<!+'@Wg%g/QRl@@Jv`!&awRl<wsfFIzgLu(w*!.*&ShBMwvhIRhI9;RhNx1hK'!#Sn]Mx1hK~0!#:2<H~7cNu+w7D*'1ZtW>Rn1~?rOc:Z&Rn2=<rQ<7wjh&=BSnLMc]#X(6Vz)w[b=a!U#9wzgMc3#&(RgMRitRis<x,gKt`ax!&+SioM=BSilMc3#&(RgKRinRimKurB,!&SiQMzBhDebShDM6BJQ!(P~Efx978B2@@=I}WLrJw!!,a*&@G}O@9wkibRid@@x'fKwC!&SlDMSfLMjUv~Q~EfKKv3@a+!(hFv-]mpx/hYZ(C5RiWz<o/MwkhY?So/M@x,gbvfB*&!SgEM:SoeeehFu3:Rgbda(,^TZa)X/7Sg[eb:2RgI~BrMC@wgkc:wwkcRerx3h(uUvK!&*,SnOM4Sh*MArRg;wHRh(x=h;rJvPwI!a4',a'0@Wg&=BSh/Mg>w=Rh=g3w*wwgGRgGcW(X#;Sg}M2Gzk@Jv`!&awRl=wsfGIz`dKZ*T'Y-:RhR7RhQg5u-p`j6v(us5d,#Y+~Awkia?RicOuNBwkibba}Ld6p~tyu_vbAa'a+!a/'a3aEa8a!>Sh,ebJv{!&Sh@ebSaReb9;SgwebNuPRi(NvdRl)NuPRi'hHu^<Rm^Jvv_@Wl(g;u1Si/ebKu'B&!*Sh?eb@Wl'z@aPeb95Si.ebcpputyvjB)!,&a+0a%ShAMWeK@G}C@WfJ9;RhMwvhH9w{ia}ix,hJvRA1(!zAn[MRhHx1hJ~*!#hFv(BSn[MBJQ!(@@=I~'978B2@@=I}2db.Ua<'X}+T#a0XaG2G}E;wkg|wuh!Rh!x,hZu,@)!&So0MVy)C5RiXACJvB!&5RiY5RiZg8w)cG}*T#2@bU}=KsA>(!a.3wkhZba~(x,h^u(A!&(SoCMRhb5Bz=h[eb?w~hb~6x,h_u(A!&(SoDMRhc5Bz=h]eb?w~hc~6e)aA1T#T,^^^c-bMb&blcPaP(a/!0!bA=b5c@a(!bfbrc#2afwmhARnjwchORnp2Wlf3DtsNvdRl-2@wpa<]m0bx(#:awRk2@Jw3!%RfhwpfgRlnKQB%!(G{V@G|'NuuRl6d='T+Y#VyUg<v~Rl~==G|<Jv+'!aYShC}6@B<5?ba~8@Jw3'!g2QRljhLrpWlOd+#Y'g.w'rIg>w*wgj@g-u0Rj@Lu+wT&)ZtUauq]~GrGci&U#F|39:rELrNvj!.%*RhCwunfw~nf~:9;Ri]>wtnhg;wHRnhx3hDs@v~!/+'@Wfr@9RkSNu&Rlo=@<5GzoKs0@_+@Wl+@awRkmJuh!-3d(}pY#qWJvj!%Rm(:Jw3!%Rm,Rm*de&!1U-U#`)Re;@G|.@9Ri82@wjfvRlq=@<5GzpLvOvr!).&2RlF8Rf`C=x!eE{.Jw3_g2QRlkhLrpWlPde(!#U{s,UXa*Ta'[y'g:v>ReS;x0PZ&RnlRnn~HrKJw1}f!=x!eB|2w]aP(#Xa&a*Ta.Ua2a7=]iOd'#Y&Ro&WnWg;u.RiDg6vjRiBNvdRlzhNvj]nYJuW_2Wm3x)kFze{9d])!a.!,Y01!#&aC!a3RndC=ox~BrC@2b^{pg,rlse7x'ksuq!%Rm.E{xidw(wBRmGx9o+)X#wwo-So-}69:Rl4@xSf@a#XZ'X)X,Ta(/ARl8b[xc>RfY:RlI:RfQwlg.ARl:9;Rlwdn'#^XafaQa1X1TaHTa)@b[{zcZ#X'7RkwWg@Ou4ARn&x)kG#{,g7u/RkGdH'U#Y*Vz'Wm&CARm|bx#(A]gUbUzJj9Q~=d,#Y(56H}l978H{U7d,0#U*2>ABb_xZ978BbU{e~AJQ{g!978BbU{hxMh?ad{oUYZ.x1h?{l!#:2<H{mx3n[t{vl!,&a%3Ro(z=iS}6ARnr=Bwsn^wvn`Rnbd`*T}B0!#^X'BG{c9b]{a>>@=be}F?JvS!&BG{d7BG}(Bde#`a1X,Ya@!a'P~=wxf@2bZ}I56B2@@=aybb}08@55B9;5bb}<j3vLv;<Jw3&!>Rfg=ayb^}&OuNBKuLA!)a!P~=x#fD{f2@>==<bbzl?C972@@=Ix^d6rSu,v7w*C(0a)a6#B+a%!sQ[y?3Dt%3[xn~<5rLOu!5p@Ku+D#'!t7~GrP~?rNKvlaya7'!h+v-5qMg=t|cd,U#5AAaa5Abb{S@52B5@a[@52B5Gx[iXueu;d<#`a(!/549C;ag>23ExY5@Dah89b^~689Jv)!~2b[~1Lv'w(%*!a#bX|aPrmawRe]keu7uhv-q6rxu,q`xTo]/a5aU!bNaDXbi!b-!ao!b<bwA!#5@B932:aV2G|:d-)Y#hJrL>RhG<7@C5<H|_=Cau:5aj5@B932:bJ|ng>vIbs)#?C2F|9jPv0w.vISh-MKvUaz(.!9ABbb|[5;5<H|Eg>unwfh;9:4E|YjQsBt|vjx'hYq3!(?C2F|J:2<BaY?C2F|GOu!5x,g|p{ah!-(?C2F|c9:4E|OjXuvvNr}:Rh&i[w*t|cd+U#jJvsu)vsSn~Mkfrmu9p}u7vwv]So!McW#Xa!ax5@A5aY:5;5<H|>kJv~vYrquJu3x4ib#T)2@SmZM?C2F|Bj:rmu9@xPhI(a*a#U#`a3-5Abb|L~@:RhK9:4E|0@52B5G|#C::aY?C2F|-:2<BaY?C2F|.5Jvk!a)javYrquJu3x4ia#T)2@SmYM?C2F|HAxPhH(!a#U#`a*-5Abb|4~@:RhJ9:4E|R@52B5G|F:2<BaY?C2F|Sc^#Xa2j=Qq5CJvB!-g<v{z;hhM?C2F|Zi[vrv{z;hiM?C2F|XKsA>!a)-g<v{z;h[eb?C2F|]i[vrv{z;h]eb?C2F|^iZu.vix,hZq3ah!.(?C2F|QOu!5ShXM:2<BaY?C2F|P", 13_494, 2713, 49, 25, 61);
//# sourceMappingURL=decode-data-html.js.map
;// CONCATENATED MODULE: ./node_modules/htmlparser2/dist/Tokenizer.js

var Tokenizer_CharCodes;
(function (CharCodes) {
    CharCodes[CharCodes["Tab"] = 9] = "Tab";
    CharCodes[CharCodes["NewLine"] = 10] = "NewLine";
    CharCodes[CharCodes["FormFeed"] = 12] = "FormFeed";
    CharCodes[CharCodes["CarriageReturn"] = 13] = "CarriageReturn";
    CharCodes[CharCodes["Space"] = 32] = "Space";
    CharCodes[CharCodes["ExclamationMark"] = 33] = "ExclamationMark";
    CharCodes[CharCodes["Number"] = 35] = "Number";
    CharCodes[CharCodes["Amp"] = 38] = "Amp";
    CharCodes[CharCodes["SingleQuote"] = 39] = "SingleQuote";
    CharCodes[CharCodes["DoubleQuote"] = 34] = "DoubleQuote";
    CharCodes[CharCodes["Dash"] = 45] = "Dash";
    CharCodes[CharCodes["Slash"] = 47] = "Slash";
    CharCodes[CharCodes["Zero"] = 48] = "Zero";
    CharCodes[CharCodes["Nine"] = 57] = "Nine";
    CharCodes[CharCodes["Semi"] = 59] = "Semi";
    CharCodes[CharCodes["Lt"] = 60] = "Lt";
    CharCodes[CharCodes["Eq"] = 61] = "Eq";
    CharCodes[CharCodes["Gt"] = 62] = "Gt";
    CharCodes[CharCodes["Questionmark"] = 63] = "Questionmark";
    CharCodes[CharCodes["UpperA"] = 65] = "UpperA";
    CharCodes[CharCodes["LowerA"] = 97] = "LowerA";
    CharCodes[CharCodes["UpperF"] = 70] = "UpperF";
    CharCodes[CharCodes["LowerF"] = 102] = "LowerF";
    CharCodes[CharCodes["UpperZ"] = 90] = "UpperZ";
    CharCodes[CharCodes["LowerZ"] = 122] = "LowerZ";
    CharCodes[CharCodes["LowerX"] = 120] = "LowerX";
    CharCodes[CharCodes["OpeningSquareBracket"] = 91] = "OpeningSquareBracket";
})(Tokenizer_CharCodes || (Tokenizer_CharCodes = {}));
/** All the states the tokenizer can be in. */
var State;
(function (State) {
    State[State["Text"] = 1] = "Text";
    State[State["BeforeTagName"] = 2] = "BeforeTagName";
    State[State["InTagName"] = 3] = "InTagName";
    State[State["InSelfClosingTag"] = 4] = "InSelfClosingTag";
    State[State["BeforeClosingTagName"] = 5] = "BeforeClosingTagName";
    State[State["InClosingTagName"] = 6] = "InClosingTagName";
    State[State["AfterClosingTagName"] = 7] = "AfterClosingTagName";
    // Attributes
    State[State["BeforeAttributeName"] = 8] = "BeforeAttributeName";
    State[State["InAttributeName"] = 9] = "InAttributeName";
    State[State["AfterAttributeName"] = 10] = "AfterAttributeName";
    State[State["BeforeAttributeValue"] = 11] = "BeforeAttributeValue";
    State[State["InAttributeValueDq"] = 12] = "InAttributeValueDq";
    State[State["InAttributeValueSq"] = 13] = "InAttributeValueSq";
    State[State["InAttributeValueNq"] = 14] = "InAttributeValueNq";
    // Declarations
    State[State["BeforeDeclaration"] = 15] = "BeforeDeclaration";
    State[State["InDeclaration"] = 16] = "InDeclaration";
    // Processing instructions
    State[State["InProcessingInstruction"] = 17] = "InProcessingInstruction";
    // Comments & CDATA
    State[State["BeforeComment"] = 18] = "BeforeComment";
    State[State["CDATASequence"] = 19] = "CDATASequence";
    State[State["DeclarationSequence"] = 20] = "DeclarationSequence";
    State[State["InSpecialComment"] = 21] = "InSpecialComment";
    State[State["InCommentLike"] = 22] = "InCommentLike";
    // Special tags
    State[State["SpecialStartSequence"] = 23] = "SpecialStartSequence";
    State[State["InSpecialTag"] = 24] = "InSpecialTag";
    State[State["InPlainText"] = 25] = "InPlainText";
    State[State["InEntity"] = 26] = "InEntity";
})(State || (State = {}));
function isWhitespace(c) {
    return (c === Tokenizer_CharCodes.Space ||
        c === Tokenizer_CharCodes.NewLine ||
        c === Tokenizer_CharCodes.Tab ||
        c === Tokenizer_CharCodes.FormFeed ||
        c === Tokenizer_CharCodes.CarriageReturn);
}
function isEndOfTagSection(c) {
    return c === Tokenizer_CharCodes.Slash || c === Tokenizer_CharCodes.Gt || isWhitespace(c);
}
function isASCIIAlpha(c) {
    return ((c >= Tokenizer_CharCodes.LowerA && c <= Tokenizer_CharCodes.LowerZ) ||
        (c >= Tokenizer_CharCodes.UpperA && c <= Tokenizer_CharCodes.UpperZ));
}
/**
 * Quote style used for parsed attributes.
 */
var QuoteType;
(function (QuoteType) {
    QuoteType[QuoteType["NoValue"] = 0] = "NoValue";
    QuoteType[QuoteType["Unquoted"] = 1] = "Unquoted";
    QuoteType[QuoteType["Single"] = 2] = "Single";
    QuoteType[QuoteType["Double"] = 3] = "Double";
})(QuoteType || (QuoteType = {}));
/**
 * Sequences used to match longer strings.
 *
 * We don't have `Script`, `Style`, or `Title` here. Instead, we re-use the *End
 * sequences with an increased offset.
 */
const Sequences = {
    Empty: new Uint8Array(0),
    Cdata: new Uint8Array([0x43, 0x44, 0x41, 0x54, 0x41, 0x5b]), // CDATA[
    CdataEnd: new Uint8Array([0x5d, 0x5d, 0x3e]), // ]]>
    CommentEnd: new Uint8Array([0x2d, 0x2d, 0x21, 0x3e]), // `--!>`
    Doctype: new Uint8Array([0x64, 0x6f, 0x63, 0x74, 0x79, 0x70, 0x65]), // `doctype`
    IframeEnd: new Uint8Array([0x3c, 0x2f, 0x69, 0x66, 0x72, 0x61, 0x6d, 0x65]), // `</iframe`
    NoembedEnd: new Uint8Array([
        0x3c, 0x2f, 0x6e, 0x6f, 0x65, 0x6d, 0x62, 0x65, 0x64,
    ]), // `</noembed`
    NoframesEnd: new Uint8Array([
        0x3c, 0x2f, 0x6e, 0x6f, 0x66, 0x72, 0x61, 0x6d, 0x65, 0x73,
    ]), // `</noframes`
    Plaintext: new Uint8Array([
        0x3c, 0x2f, 0x70, 0x6c, 0x61, 0x69, 0x6e, 0x74, 0x65, 0x78, 0x74,
    ]), // `</plaintext`
    ScriptEnd: new Uint8Array([0x3c, 0x2f, 0x73, 0x63, 0x72, 0x69, 0x70, 0x74]), // `</script`
    StyleEnd: new Uint8Array([0x3c, 0x2f, 0x73, 0x74, 0x79, 0x6c, 0x65]), // `</style`
    TitleEnd: new Uint8Array([0x3c, 0x2f, 0x74, 0x69, 0x74, 0x6c, 0x65]), // `</title`
    TextareaEnd: new Uint8Array([
        0x3c, 0x2f, 0x74, 0x65, 0x78, 0x74, 0x61, 0x72, 0x65, 0x61,
    ]), // `</textarea`
    XmpEnd: new Uint8Array([0x3c, 0x2f, 0x78, 0x6d, 0x70]), // `</xmp`
};
/**
 * Maps the first lowercase character of an HTML tag name to the sequence
 * used for special-tag detection.  All sequences share a common layout
 * where index 2 is the first tag-name character, so matching always
 * continues from offset 3.
 */
const specialStartSequences = new Map([
    [Sequences.IframeEnd[2], Sequences.IframeEnd],
    [Sequences.NoembedEnd[2], Sequences.NoembedEnd],
    [Sequences.Plaintext[2], Sequences.Plaintext],
    [Sequences.ScriptEnd[2], Sequences.ScriptEnd],
    [Sequences.TitleEnd[2], Sequences.TitleEnd],
    [Sequences.XmpEnd[2], Sequences.XmpEnd],
]);
/**
 * Tokenizer implementation used by `Parser`.
 */
class Tokenizer {
    cbs;
    /** The current state the tokenizer is in. */
    state = State.Text;
    /** The read buffer. */
    buffer = "";
    /** The beginning of the section that is currently being read. */
    sectionStart = 0;
    /** The index within the buffer that we are currently looking at. */
    index = 0;
    /** The start of the last entity. */
    entityStart = 0;
    /** Some behavior, eg. when decoding entities, is done while we are in another state. This keeps track of the other state type. */
    baseState = State.Text;
    /** For special parsing behavior inside of script and style tags. */
    isSpecial = false;
    /** Indicates whether the tokenizer has been paused. */
    running = true;
    /** The offset of the current buffer. */
    offset = 0;
    xmlMode;
    decodeEntities;
    recognizeSelfClosing;
    entityDecoder;
    constructor({ xmlMode = false, decodeEntities = true, recognizeSelfClosing = xmlMode, }, cbs) {
        this.cbs = cbs;
        this.xmlMode = xmlMode;
        this.decodeEntities = decodeEntities;
        this.recognizeSelfClosing = recognizeSelfClosing;
        this.entityDecoder = new EntityDecoder(xmlMode ? xmlDecodeTree : decode_data_html_htmlDecodeTree, (cp, consumed) => this.emitCodePoint(cp, consumed));
    }
    reset() {
        this.state = State.Text;
        this.buffer = "";
        this.sectionStart = 0;
        this.index = 0;
        this.baseState = State.Text;
        this.isSpecial = false;
        this.currentSequence = Sequences.Empty;
        this.sequenceIndex = 0;
        this.running = true;
        this.offset = 0;
    }
    write(chunk) {
        this.offset += this.buffer.length;
        this.buffer = chunk;
        this.parse();
    }
    end() {
        if (this.running)
            this.finish();
    }
    pause() {
        this.running = false;
    }
    resume() {
        this.running = true;
        if (this.index < this.buffer.length + this.offset) {
            this.parse();
        }
    }
    stateText(c) {
        if (c === Tokenizer_CharCodes.Lt ||
            (!this.decodeEntities && this.fastForwardTo(Tokenizer_CharCodes.Lt))) {
            if (this.index > this.sectionStart) {
                this.cbs.ontext(this.sectionStart, this.index);
            }
            this.state = State.BeforeTagName;
            this.sectionStart = this.index;
        }
        else if (this.decodeEntities && c === Tokenizer_CharCodes.Amp) {
            this.startEntity();
        }
    }
    currentSequence = Sequences.Empty;
    sequenceIndex = 0;
    enterTagBody() {
        if (this.currentSequence === Sequences.Plaintext) {
            this.currentSequence = Sequences.Empty;
            this.state = State.InPlainText;
        }
        else if (this.isSpecial) {
            this.state = State.InSpecialTag;
            this.sequenceIndex = 0;
        }
        else {
            this.state = State.Text;
        }
    }
    /**
     * Match the opening tag name against an HTML text-only tag sequence.
     *
     * Some tags share an initial prefix (`script`/`style`, `title`/`textarea`,
     * `noembed`/`noframes`), so we may switch to an alternate sequence at the
     * first distinguishing byte.  On a successful full match we fall back to
     * the normal tag-name state; a later `>` will enter raw-text, RCDATA, or
     * plaintext mode based on `currentSequence` / `isSpecial`.
     * @param c Current character code point.
     */
    stateSpecialStartSequence(c) {
        const lower = c | 0x20;
        // Still matching — check for an alternate sequence at branch points.
        if (this.sequenceIndex < this.currentSequence.length) {
            if (lower === this.currentSequence[this.sequenceIndex]) {
                this.sequenceIndex++;
                return;
            }
            if (this.sequenceIndex === 3) {
                if (this.currentSequence === Sequences.ScriptEnd &&
                    lower === Sequences.StyleEnd[3]) {
                    this.currentSequence = Sequences.StyleEnd;
                    this.sequenceIndex = 4;
                    return;
                }
                if (this.currentSequence === Sequences.TitleEnd &&
                    lower === Sequences.TextareaEnd[3]) {
                    this.currentSequence = Sequences.TextareaEnd;
                    this.sequenceIndex = 4;
                    return;
                }
            }
            else if (this.sequenceIndex === 4 &&
                this.currentSequence === Sequences.NoembedEnd &&
                lower === Sequences.NoframesEnd[4]) {
                this.currentSequence = Sequences.NoframesEnd;
                this.sequenceIndex = 5;
                return;
            }
        }
        else if (isEndOfTagSection(c)) {
            // Full match on a valid tag boundary — keep the sequence.
            this.sequenceIndex = 0;
            this.state = State.InTagName;
            this.stateInTagName(c);
            return;
        }
        // No match — abandon special-tag detection.
        this.isSpecial = false;
        this.currentSequence = Sequences.Empty;
        this.sequenceIndex = 0;
        this.state = State.InTagName;
        this.stateInTagName(c);
    }
    stateCDATASequence(c) {
        if (c === Sequences.Cdata[this.sequenceIndex]) {
            if (++this.sequenceIndex === Sequences.Cdata.length) {
                this.state = State.InCommentLike;
                this.currentSequence = Sequences.CdataEnd;
                this.sequenceIndex = 0;
                this.sectionStart = this.index + 1;
            }
        }
        else {
            this.sequenceIndex = 0;
            if (this.xmlMode) {
                this.state = State.InDeclaration;
                this.stateInDeclaration(c); // Reconsume the character
            }
            else {
                this.state = State.InSpecialComment;
                this.stateInSpecialComment(c); // Reconsume the character
            }
        }
    }
    /**
     * When we wait for one specific character, we can speed things up
     * by skipping through the buffer until we find it.
     * @param c Current character code point.
     * @returns Whether the character was found.
     */
    fastForwardTo(c) {
        while (++this.index < this.buffer.length + this.offset) {
            if (this.buffer.charCodeAt(this.index - this.offset) === c) {
                return true;
            }
        }
        /*
         * We increment the index at the end of the `parse` loop,
         * so set it to `buffer.length - 1` here.
         *
         * TODO: Refactor `parse` to increment index before calling states.
         */
        this.index = this.buffer.length + this.offset - 1;
        return false;
    }
    /**
     * Emit a comment token and return to the text state.
     * @param offset Number of characters in the end sequence that have already been matched.
     */
    emitComment(offset) {
        this.cbs.oncomment(this.sectionStart, this.index, offset);
        this.sequenceIndex = 0;
        this.sectionStart = this.index + 1;
        this.state = State.Text;
    }
    /**
     * Comments and CDATA end with `-->` and `]]>`.
     *
     * Their common qualities are:
     * - Their end sequences have a distinct character they start with.
     * - That character is then repeated, so we have to check multiple repeats.
     * - All characters but the start character of the sequence can be skipped.
     * @param c Current character code point.
     */
    stateInCommentLike(c) {
        if (!this.xmlMode &&
            this.currentSequence === Sequences.CommentEnd &&
            this.sequenceIndex <= 1 &&
            /*
             * We're still at the very start of the comment: the only
             * characters consumed since `<!--` are the dashes that
             * advanced sequenceIndex (0 for `<!-->`, 1 for `<!--->`).
             */
            this.index === this.sectionStart + this.sequenceIndex &&
            c === Tokenizer_CharCodes.Gt) {
            // Abruptly closed empty HTML comment.
            this.emitComment(this.sequenceIndex);
        }
        else if (this.currentSequence === Sequences.CommentEnd &&
            this.sequenceIndex === 2 &&
            c === Tokenizer_CharCodes.Gt) {
            // `!` is optional here, so the same sequence also accepts `-->`.
            this.emitComment(2);
        }
        else if (this.currentSequence === Sequences.CommentEnd &&
            this.sequenceIndex === this.currentSequence.length - 1 &&
            c !== Tokenizer_CharCodes.Gt) {
            this.sequenceIndex = Number(c === Tokenizer_CharCodes.Dash);
        }
        else if (c === this.currentSequence[this.sequenceIndex]) {
            if (++this.sequenceIndex === this.currentSequence.length) {
                if (this.currentSequence === Sequences.CdataEnd) {
                    this.cbs.oncdata(this.sectionStart, this.index, 2);
                }
                else {
                    this.cbs.oncomment(this.sectionStart, this.index, 3);
                }
                this.sequenceIndex = 0;
                this.sectionStart = this.index + 1;
                this.state = State.Text;
            }
        }
        else if (this.sequenceIndex === 0) {
            // Fast-forward to the first character of the sequence
            if (this.fastForwardTo(this.currentSequence[0])) {
                this.sequenceIndex = 1;
            }
        }
        else if (c !== this.currentSequence[this.sequenceIndex - 1]) {
            // Allow long sequences, eg. --->, ]]]>
            this.sequenceIndex = 0;
        }
    }
    /**
     * HTML only allows ASCII alpha characters (a-z and A-Z) at the beginning of a tag name.
     *
     * XML allows a lot more characters here (@see https://www.w3.org/TR/REC-xml/#NT-NameStartChar).
     * We allow anything that wouldn't end the tag.
     * @param c Current character code point.
     */
    isTagStartChar(c) {
        return this.xmlMode ? !isEndOfTagSection(c) : isASCIIAlpha(c);
    }
    /**
     * Scan raw-text / RCDATA content for the matching end tag.
     *
     * For RCDATA tags (`<title>`, `<textarea>`) entities are decoded inline.
     * For raw-text tags (`<script>`, `<style>`, etc.) we fast-forward to `<`.
     * @param c Current character code point.
     */
    stateInSpecialTag(c) {
        if (this.sequenceIndex === this.currentSequence.length) {
            if (isEndOfTagSection(c)) {
                const endOfText = this.index - this.currentSequence.length;
                if (this.sectionStart < endOfText) {
                    // Spoof the index so that reported locations match up.
                    const actualIndex = this.index;
                    this.index = endOfText;
                    this.cbs.ontext(this.sectionStart, endOfText);
                    this.index = actualIndex;
                }
                this.isSpecial = false;
                this.sectionStart = endOfText + 2; // Skip over the `</`
                this.stateInClosingTagName(c);
                return; // We are done; skip the rest of the function.
            }
            this.sequenceIndex = 0;
        }
        if ((c | 0x20) === this.currentSequence[this.sequenceIndex]) {
            this.sequenceIndex += 1;
        }
        else if (this.sequenceIndex === 0) {
            if (this.currentSequence === Sequences.TitleEnd ||
                this.currentSequence === Sequences.TextareaEnd) {
                // RCDATA tags have to parse entities while still looking for their end tag.
                if (this.decodeEntities && c === Tokenizer_CharCodes.Amp) {
                    this.startEntity();
                }
            }
            else if (this.fastForwardTo(Tokenizer_CharCodes.Lt)) {
                // Outside of RCDATA tags, we can fast-forward.
                this.sequenceIndex = 1;
            }
        }
        else {
            // If we see a `<`, set the sequence index to 1; useful for eg. `<</script>`.
            this.sequenceIndex = Number(c === Tokenizer_CharCodes.Lt);
        }
    }
    stateBeforeTagName(c) {
        if (c === Tokenizer_CharCodes.ExclamationMark) {
            this.state = State.BeforeDeclaration;
            this.sectionStart = this.index + 1;
        }
        else if (c === Tokenizer_CharCodes.Questionmark) {
            if (this.xmlMode) {
                this.state = State.InProcessingInstruction;
                this.sequenceIndex = 0;
                this.sectionStart = this.index + 1;
            }
            else {
                this.state = State.InSpecialComment;
                this.sectionStart = this.index;
            }
        }
        else if (this.isTagStartChar(c)) {
            this.sectionStart = this.index;
            const special = this.xmlMode || this.cbs.isInForeignContext?.()
                ? undefined
                : specialStartSequences.get(c | 0x20);
            if (special === undefined) {
                this.state = State.InTagName;
            }
            else {
                this.isSpecial = true;
                this.currentSequence = special;
                this.sequenceIndex = 3;
                this.state = State.SpecialStartSequence;
            }
        }
        else if (c === Tokenizer_CharCodes.Slash) {
            this.state = State.BeforeClosingTagName;
        }
        else {
            this.state = State.Text;
            this.stateText(c);
        }
    }
    stateInTagName(c) {
        if (isEndOfTagSection(c)) {
            this.cbs.onopentagname(this.sectionStart, this.index);
            this.sectionStart = -1;
            this.state = State.BeforeAttributeName;
            this.stateBeforeAttributeName(c);
        }
    }
    stateBeforeClosingTagName(c) {
        if (isWhitespace(c)) {
            if (this.xmlMode) {
                // Ignore
            }
            else {
                this.state = State.InSpecialComment;
                this.sectionStart = this.index;
            }
        }
        else if (c === Tokenizer_CharCodes.Gt) {
            this.state = State.Text;
            if (!this.xmlMode) {
                this.sectionStart = this.index + 1;
            }
        }
        else {
            this.state = this.isTagStartChar(c)
                ? State.InClosingTagName
                : State.InSpecialComment;
            this.sectionStart = this.index;
        }
    }
    stateInClosingTagName(c) {
        if (isEndOfTagSection(c)) {
            this.cbs.onclosetag(this.sectionStart, this.index);
            this.sectionStart = -1;
            this.state = State.AfterClosingTagName;
            this.stateAfterClosingTagName(c);
        }
    }
    stateAfterClosingTagName(c) {
        // Skip everything until ">"
        if (c === Tokenizer_CharCodes.Gt || this.fastForwardTo(Tokenizer_CharCodes.Gt)) {
            this.state = State.Text;
            this.sectionStart = this.index + 1;
        }
    }
    stateBeforeAttributeName(c) {
        if (c === Tokenizer_CharCodes.Gt) {
            this.cbs.onopentagend(this.index);
            this.enterTagBody();
            this.sectionStart = this.index + 1;
        }
        else if (c === Tokenizer_CharCodes.Slash) {
            this.state = State.InSelfClosingTag;
        }
        else if (!isWhitespace(c)) {
            this.state = State.InAttributeName;
            this.sectionStart = this.index;
        }
    }
    /**
     * Handle `/` before `>` in an opening tag.
     *
     * In HTML mode, text-only tags ignore the self-closing flag and still enter
     * their raw-text/RCDATA/plaintext state unless self-closing tags are being
     * recognized. In XML mode, or for ordinary tags, the tokenizer returns to
     * regular text parsing after emitting the self-closing callback.
     * @param c Current character code point.
     */
    stateInSelfClosingTag(c) {
        if (c === Tokenizer_CharCodes.Gt) {
            this.cbs.onselfclosingtag(this.index);
            this.sectionStart = this.index + 1;
            if (!this.recognizeSelfClosing) {
                this.enterTagBody();
                return;
            }
            this.state = State.Text;
            this.isSpecial = false; // Reset special state, in case of self-closing special tags
            this.currentSequence = Sequences.Empty;
        }
        else if (!isWhitespace(c)) {
            this.state = State.BeforeAttributeName;
            this.stateBeforeAttributeName(c);
        }
    }
    stateInAttributeName(c) {
        if (c === Tokenizer_CharCodes.Eq || isEndOfTagSection(c)) {
            this.cbs.onattribname(this.sectionStart, this.index);
            this.sectionStart = this.index;
            this.state = State.AfterAttributeName;
            this.stateAfterAttributeName(c);
        }
    }
    stateAfterAttributeName(c) {
        if (c === Tokenizer_CharCodes.Eq) {
            this.state = State.BeforeAttributeValue;
        }
        else if (c === Tokenizer_CharCodes.Slash || c === Tokenizer_CharCodes.Gt) {
            this.cbs.onattribend(QuoteType.NoValue, this.sectionStart);
            this.sectionStart = -1;
            this.state = State.BeforeAttributeName;
            this.stateBeforeAttributeName(c);
        }
        else if (!isWhitespace(c)) {
            this.cbs.onattribend(QuoteType.NoValue, this.sectionStart);
            this.state = State.InAttributeName;
            this.sectionStart = this.index;
        }
    }
    stateBeforeAttributeValue(c) {
        if (c === Tokenizer_CharCodes.DoubleQuote) {
            this.state = State.InAttributeValueDq;
            this.sectionStart = this.index + 1;
        }
        else if (c === Tokenizer_CharCodes.SingleQuote) {
            this.state = State.InAttributeValueSq;
            this.sectionStart = this.index + 1;
        }
        else if (!isWhitespace(c)) {
            this.sectionStart = this.index;
            this.state = State.InAttributeValueNq;
            this.stateInAttributeValueNoQuotes(c); // Reconsume token
        }
    }
    handleInAttributeValue(c, quote) {
        if (c === quote ||
            (!this.decodeEntities && this.fastForwardTo(quote))) {
            this.cbs.onattribdata(this.sectionStart, this.index);
            this.sectionStart = -1;
            this.cbs.onattribend(quote === Tokenizer_CharCodes.DoubleQuote
                ? QuoteType.Double
                : QuoteType.Single, this.index + 1);
            this.state = State.BeforeAttributeName;
        }
        else if (this.decodeEntities && c === Tokenizer_CharCodes.Amp) {
            this.startEntity();
        }
    }
    stateInAttributeValueDoubleQuotes(c) {
        this.handleInAttributeValue(c, Tokenizer_CharCodes.DoubleQuote);
    }
    stateInAttributeValueSingleQuotes(c) {
        this.handleInAttributeValue(c, Tokenizer_CharCodes.SingleQuote);
    }
    stateInAttributeValueNoQuotes(c) {
        if (isWhitespace(c) || c === Tokenizer_CharCodes.Gt) {
            this.cbs.onattribdata(this.sectionStart, this.index);
            this.sectionStart = -1;
            this.cbs.onattribend(QuoteType.Unquoted, this.index);
            this.state = State.BeforeAttributeName;
            this.stateBeforeAttributeName(c);
        }
        else if (this.decodeEntities && c === Tokenizer_CharCodes.Amp) {
            this.startEntity();
        }
    }
    /**
     * Distinguish between CDATA, declarations, HTML comments, and HTML bogus
     * comments after `<!`.
     *
     * In HTML mode, only real comments and doctypes stay on declaration paths;
     * everything else becomes a bogus comment terminated by the next `>`.
     * @param c Current character code point.
     */
    stateBeforeDeclaration(c) {
        if (c === Tokenizer_CharCodes.OpeningSquareBracket) {
            this.state = State.CDATASequence;
            this.sequenceIndex = 0;
        }
        else if (this.xmlMode) {
            this.state =
                c === Tokenizer_CharCodes.Dash
                    ? State.BeforeComment
                    : State.InDeclaration;
        }
        else if ((c | 0x20) === Sequences.Doctype[0]) {
            this.state = State.DeclarationSequence;
            this.currentSequence = Sequences.Doctype;
            this.sequenceIndex = 1;
        }
        else if (c === Tokenizer_CharCodes.Gt) {
            this.cbs.oncomment(this.sectionStart, this.index, 0);
            this.state = State.Text;
            this.sectionStart = this.index + 1;
        }
        else if (c === Tokenizer_CharCodes.Dash) {
            this.state = State.BeforeComment;
        }
        else {
            this.state = State.InSpecialComment;
        }
    }
    /**
     * Continue matching `doctype` after `<!d`.
     *
     * A full `doctype` match stays on the declaration path; any other name falls
     * back to an HTML bogus comment, which matches browser behavior for
     * non-doctype `<!...>` constructs.
     * @param c Current character code point.
     */
    stateDeclarationSequence(c) {
        if (this.sequenceIndex === this.currentSequence.length) {
            this.state = State.InDeclaration;
            this.stateInDeclaration(c);
        }
        else if ((c | 0x20) === this.currentSequence[this.sequenceIndex]) {
            this.sequenceIndex += 1;
        }
        else if (c === Tokenizer_CharCodes.Gt) {
            this.cbs.oncomment(this.sectionStart, this.index, 0);
            this.state = State.Text;
            this.sectionStart = this.index + 1;
        }
        else {
            this.state = State.InSpecialComment;
        }
    }
    stateInDeclaration(c) {
        if (c === Tokenizer_CharCodes.Gt || this.fastForwardTo(Tokenizer_CharCodes.Gt)) {
            this.cbs.ondeclaration(this.sectionStart, this.index);
            this.state = State.Text;
            this.sectionStart = this.index + 1;
        }
    }
    /**
     * XML processing instructions (`<?...?>`).
     *
     * In HTML mode `<?` is routed to `InSpecialComment` instead, so this
     * state is only reachable in XML mode.
     * @param c Current character code point.
     */
    stateInProcessingInstruction(c) {
        if (c === Tokenizer_CharCodes.Questionmark) {
            // Remember that we just consumed `?`, so the next `>` closes the PI.
            this.sequenceIndex = 1;
        }
        else if (c === Tokenizer_CharCodes.Gt && this.sequenceIndex === 1) {
            this.cbs.onprocessinginstruction(this.sectionStart, this.index - 1);
            this.sequenceIndex = 0;
            this.state = State.Text;
            this.sectionStart = this.index + 1;
        }
        else {
            // Keep scanning for the next `?`, which can start a closing `?>`.
            this.sequenceIndex = Number(this.fastForwardTo(Tokenizer_CharCodes.Questionmark));
        }
    }
    stateBeforeComment(c) {
        if (c === Tokenizer_CharCodes.Dash) {
            this.state = State.InCommentLike;
            this.currentSequence = Sequences.CommentEnd;
            this.sequenceIndex = 0;
            this.sectionStart = this.index + 1;
        }
        else if (this.xmlMode) {
            this.state = State.InDeclaration;
        }
        else if (c === Tokenizer_CharCodes.Gt) {
            this.cbs.oncomment(this.sectionStart, this.index, 0);
            this.state = State.Text;
            this.sectionStart = this.index + 1;
        }
        else {
            this.state = State.InSpecialComment;
        }
    }
    stateInSpecialComment(c) {
        if (c === Tokenizer_CharCodes.Gt || this.fastForwardTo(Tokenizer_CharCodes.Gt)) {
            this.cbs.oncomment(this.sectionStart, this.index, 0);
            this.state = State.Text;
            this.sectionStart = this.index + 1;
        }
    }
    startEntity() {
        this.baseState = this.state;
        this.state = State.InEntity;
        this.entityStart = this.index;
        this.entityDecoder.startEntity(this.xmlMode
            ? DecodingMode.Strict
            : this.baseState === State.Text ||
                this.baseState === State.InSpecialTag
                ? DecodingMode.Legacy
                : DecodingMode.Attribute);
    }
    stateInEntity() {
        const indexInBuffer = this.index - this.offset;
        const length = this.entityDecoder.write(this.buffer, indexInBuffer);
        // If `length` is positive, we are done with the entity.
        if (length >= 0) {
            this.state = this.baseState;
            if (length === 0) {
                this.index -= 1;
            }
        }
        else {
            if (indexInBuffer < this.buffer.length &&
                this.buffer.charCodeAt(indexInBuffer) === Tokenizer_CharCodes.Amp) {
                this.state = this.baseState;
                this.index -= 1;
                return;
            }
            // Mark buffer as consumed.
            this.index = this.offset + this.buffer.length - 1;
        }
    }
    /**
     * Remove data that has already been consumed from the buffer.
     */
    cleanup() {
        // If we are inside of text or attributes, emit what we already have.
        if (this.running && this.sectionStart !== this.index) {
            if (this.state === State.Text ||
                this.state === State.InPlainText ||
                (this.state === State.InSpecialTag && this.sequenceIndex === 0)) {
                this.cbs.ontext(this.sectionStart, this.index);
                this.sectionStart = this.index;
            }
            else if (this.state === State.InAttributeValueDq ||
                this.state === State.InAttributeValueSq ||
                this.state === State.InAttributeValueNq) {
                this.cbs.onattribdata(this.sectionStart, this.index);
                this.sectionStart = this.index;
            }
        }
    }
    shouldContinue() {
        return this.index < this.buffer.length + this.offset && this.running;
    }
    /**
     * Iterates through the buffer, calling the function corresponding to the current state.
     *
     * States that are more likely to be hit are higher up, as a performance improvement.
     */
    parse() {
        while (this.shouldContinue()) {
            const c = this.buffer.charCodeAt(this.index - this.offset);
            switch (this.state) {
                case State.Text: {
                    this.stateText(c);
                    break;
                }
                case State.InPlainText: {
                    // Skip to end of buffer; cleanup() emits the text.
                    this.index = this.buffer.length + this.offset - 1;
                    break;
                }
                case State.SpecialStartSequence: {
                    this.stateSpecialStartSequence(c);
                    break;
                }
                case State.InSpecialTag: {
                    this.stateInSpecialTag(c);
                    break;
                }
                case State.CDATASequence: {
                    this.stateCDATASequence(c);
                    break;
                }
                case State.DeclarationSequence: {
                    this.stateDeclarationSequence(c);
                    break;
                }
                case State.InAttributeValueDq: {
                    this.stateInAttributeValueDoubleQuotes(c);
                    break;
                }
                case State.InAttributeName: {
                    this.stateInAttributeName(c);
                    break;
                }
                case State.InCommentLike: {
                    this.stateInCommentLike(c);
                    break;
                }
                case State.InSpecialComment: {
                    this.stateInSpecialComment(c);
                    break;
                }
                case State.BeforeAttributeName: {
                    this.stateBeforeAttributeName(c);
                    break;
                }
                case State.InTagName: {
                    this.stateInTagName(c);
                    break;
                }
                case State.InClosingTagName: {
                    this.stateInClosingTagName(c);
                    break;
                }
                case State.BeforeTagName: {
                    this.stateBeforeTagName(c);
                    break;
                }
                case State.AfterAttributeName: {
                    this.stateAfterAttributeName(c);
                    break;
                }
                case State.InAttributeValueSq: {
                    this.stateInAttributeValueSingleQuotes(c);
                    break;
                }
                case State.BeforeAttributeValue: {
                    this.stateBeforeAttributeValue(c);
                    break;
                }
                case State.BeforeClosingTagName: {
                    this.stateBeforeClosingTagName(c);
                    break;
                }
                case State.AfterClosingTagName: {
                    this.stateAfterClosingTagName(c);
                    break;
                }
                case State.InAttributeValueNq: {
                    this.stateInAttributeValueNoQuotes(c);
                    break;
                }
                case State.InSelfClosingTag: {
                    this.stateInSelfClosingTag(c);
                    break;
                }
                case State.InDeclaration: {
                    this.stateInDeclaration(c);
                    break;
                }
                case State.BeforeDeclaration: {
                    this.stateBeforeDeclaration(c);
                    break;
                }
                case State.BeforeComment: {
                    this.stateBeforeComment(c);
                    break;
                }
                case State.InProcessingInstruction: {
                    this.stateInProcessingInstruction(c);
                    break;
                }
                case State.InEntity: {
                    this.stateInEntity();
                    break;
                }
            }
            this.index++;
        }
        this.cleanup();
    }
    finish() {
        if (this.state === State.InEntity) {
            this.entityDecoder.end();
            this.state = this.baseState;
        }
        this.handleTrailingData();
        this.cbs.onend();
    }
    handleTrailingCommentLikeData(endIndex) {
        if (this.state !== State.InCommentLike) {
            return false;
        }
        if (this.currentSequence === Sequences.CdataEnd) {
            if (this.xmlMode) {
                if (this.sectionStart < endIndex) {
                    this.cbs.oncdata(this.sectionStart, endIndex, 0);
                }
            }
            else {
                /* In HTML mode, unclosed CDATA is a bogus comment. */
                const cdataStart = this.sectionStart - Sequences.Cdata.length - 1;
                this.cbs.oncomment(cdataStart, endIndex, 0);
            }
        }
        else {
            const offset = this.xmlMode
                ? 0
                : Math.min(this.sequenceIndex, Sequences.CommentEnd.length - 1);
            this.cbs.oncomment(this.sectionStart, endIndex, offset);
        }
        return true;
    }
    handleTrailingMarkupDeclaration(endIndex) {
        if (this.xmlMode) {
            switch (this.state) {
                case State.InSpecialComment:
                case State.BeforeComment:
                case State.CDATASequence:
                case State.DeclarationSequence:
                case State.InDeclaration: {
                    this.cbs.ontext(this.sectionStart, endIndex);
                    return true;
                }
                default: {
                    return false;
                }
            }
        }
        switch (this.state) {
            case State.BeforeDeclaration:
            case State.InSpecialComment:
            case State.BeforeComment:
            case State.CDATASequence: {
                this.cbs.oncomment(this.sectionStart, endIndex, 0);
                return true;
            }
            case State.DeclarationSequence: {
                if (this.sequenceIndex !== Sequences.Doctype.length) {
                    this.cbs.oncomment(this.sectionStart, endIndex, 0);
                }
                return true;
            }
            case State.InDeclaration: {
                return true;
            }
            default: {
                return false;
            }
        }
    }
    /** Handle any trailing data. */
    handleTrailingData() {
        const endIndex = this.buffer.length + this.offset;
        if (this.handleTrailingCommentLikeData(endIndex) ||
            this.handleTrailingMarkupDeclaration(endIndex)) {
            return;
        }
        // If there is no remaining data, we are done.
        if (this.sectionStart >= endIndex) {
            return;
        }
        switch (this.state) {
            case State.InTagName:
            case State.BeforeAttributeName:
            case State.BeforeAttributeValue:
            case State.AfterAttributeName:
            case State.InAttributeName:
            case State.InAttributeValueSq:
            case State.InAttributeValueDq:
            case State.InAttributeValueNq:
            case State.InClosingTagName: {
                /*
                 * If we are currently in an opening or closing tag, us not calling the
                 * respective callback signals that the tag should be ignored.
                 */
                break;
            }
            default: {
                this.cbs.ontext(this.sectionStart, endIndex);
            }
        }
    }
    emitCodePoint(cp, consumed) {
        if (this.baseState !== State.Text &&
            this.baseState !== State.InSpecialTag) {
            if (this.sectionStart < this.entityStart) {
                this.cbs.onattribdata(this.sectionStart, this.entityStart);
            }
            this.sectionStart = this.entityStart + consumed;
            this.index = this.sectionStart - 1;
            this.cbs.onattribentity(cp);
        }
        else {
            if (this.sectionStart < this.entityStart) {
                this.cbs.ontext(this.sectionStart, this.entityStart);
            }
            this.sectionStart = this.entityStart + consumed;
            this.index = this.sectionStart - 1;
            this.cbs.ontextentity(cp, this.sectionStart);
        }
    }
}
//# sourceMappingURL=Tokenizer.js.map
;// CONCATENATED MODULE: ./node_modules/htmlparser2/dist/Parser.js
const { fromCodePoint } = String;

const formTags = new Set([
    "input",
    "option",
    "optgroup",
    "select",
    "button",
    "datalist",
    "textarea",
]);
const pTag = new Set(["p"]);
const headingTags = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p"]);
const tableSectionTags = new Set(["thead", "tbody"]);
const ddtTags = new Set(["dd", "dt"]);
const rtpTags = new Set(["rt", "rp"]);
const openImpliesClose = new Map([
    ["tr", new Set(["tr", "th", "td"])],
    ["th", new Set(["th"])],
    ["td", new Set(["thead", "th", "td"])],
    ["body", new Set(["head", "link", "script"])],
    ["a", new Set(["a"])],
    ["li", new Set(["li"])],
    ["p", pTag],
    ["h1", headingTags],
    ["h2", headingTags],
    ["h3", headingTags],
    ["h4", headingTags],
    ["h5", headingTags],
    ["h6", headingTags],
    ["select", formTags],
    ["input", formTags],
    ["output", formTags],
    ["button", formTags],
    ["datalist", formTags],
    ["textarea", formTags],
    ["option", new Set(["option"])],
    ["optgroup", new Set(["optgroup", "option"])],
    ["dd", ddtTags],
    ["dt", ddtTags],
    ["address", pTag],
    ["article", pTag],
    ["aside", pTag],
    ["blockquote", pTag],
    ["details", pTag],
    ["div", pTag],
    ["dl", pTag],
    ["fieldset", pTag],
    ["figcaption", pTag],
    ["figure", pTag],
    ["footer", pTag],
    ["form", pTag],
    ["header", pTag],
    ["hr", pTag],
    ["main", pTag],
    ["nav", pTag],
    ["ol", pTag],
    ["pre", pTag],
    ["section", pTag],
    ["table", pTag],
    ["ul", pTag],
    ["rt", rtpTags],
    ["rp", rtpTags],
    ["tbody", tableSectionTags],
    ["tfoot", tableSectionTags],
]);
const DOCUMENT_TYPE = "doctype";
const voidElements = new Set([
    "area",
    "base",
    "basefont",
    "br",
    "col",
    "command",
    "embed",
    "frame",
    "hr",
    "img",
    "input",
    "isindex",
    "keygen",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
]);
const foreignContextElements = new Set(["math", "svg"]);
/**
 * Elements that can be used to integrate HTML content within foreign namespaces (e.g., SVG or MathML).
 *
 * Entries must use the SVG-adjusted casing (e.g. "foreignObject" not
 * "foreignobject") since they are compared against adjusted tag names.
 */
const htmlIntegrationElements = new Set([
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
    "foreignObject",
    "desc",
    "title",
]);
const svgTagNameAdjustments = new Map([
    ["altglyph", "altGlyph"],
    ["altglyphdef", "altGlyphDef"],
    ["altglyphitem", "altGlyphItem"],
    ["animatecolor", "animateColor"],
    ["animatemotion", "animateMotion"],
    ["animatetransform", "animateTransform"],
    ["clippath", "clipPath"],
    ["feblend", "feBlend"],
    ["fecolormatrix", "feColorMatrix"],
    ["fecomponenttransfer", "feComponentTransfer"],
    ["fecomposite", "feComposite"],
    ["feconvolvematrix", "feConvolveMatrix"],
    ["fediffuselighting", "feDiffuseLighting"],
    ["fedisplacementmap", "feDisplacementMap"],
    ["fedistantlight", "feDistantLight"],
    ["fedropshadow", "feDropShadow"],
    ["feflood", "feFlood"],
    ["fefunca", "feFuncA"],
    ["fefuncb", "feFuncB"],
    ["fefuncg", "feFuncG"],
    ["fefuncr", "feFuncR"],
    ["fegaussianblur", "feGaussianBlur"],
    ["feimage", "feImage"],
    ["femerge", "feMerge"],
    ["femergenode", "feMergeNode"],
    ["femorphology", "feMorphology"],
    ["feoffset", "feOffset"],
    ["fepointlight", "fePointLight"],
    ["fespecularlighting", "feSpecularLighting"],
    ["fespotlight", "feSpotLight"],
    ["fetile", "feTile"],
    ["feturbulence", "feTurbulence"],
    ["foreignobject", "foreignObject"],
    ["glyphref", "glyphRef"],
    ["lineargradient", "linearGradient"],
    ["radialgradient", "radialGradient"],
    ["textpath", "textPath"],
]);
var ForeignContext;
(function (ForeignContext) {
    ForeignContext[ForeignContext["None"] = 0] = "None";
    ForeignContext[ForeignContext["Svg"] = 1] = "Svg";
    ForeignContext[ForeignContext["MathML"] = 2] = "MathML";
})(ForeignContext || (ForeignContext = {}));
const reNameEnd = /\s|\//;
/**
 * Incremental parser implementation.
 */
class Parser {
    options;
    /** The start index of the last event. */
    startIndex = 0;
    /** The end index of the last event. */
    endIndex = 0;
    /**
     * Store the start index of the current open tag,
     * so we can update the start index for attributes.
     */
    openTagStart = 0;
    tagname = "";
    attribname = "";
    attribvalue = "";
    attribs = null;
    stack = [];
    foreignContext;
    cbs;
    lowerCaseTagNames;
    lowerCaseAttributeNames;
    recognizeSelfClosing;
    /** We are parsing HTML. Inverse of the `xmlMode` option. */
    htmlMode;
    tokenizer;
    buffers = [];
    bufferOffset = 0;
    /** The index of the last written buffer. Used when resuming after a `pause()`. */
    writeIndex = 0;
    /** Indicates whether the parser has finished running / `.end` has been called. */
    ended = false;
    constructor(cbs, options = {}) {
        this.options = options;
        this.cbs = cbs ?? {};
        this.htmlMode = !this.options.xmlMode;
        this.lowerCaseTagNames = options.lowerCaseTags ?? this.htmlMode;
        this.lowerCaseAttributeNames =
            options.lowerCaseAttributeNames ?? this.htmlMode;
        this.recognizeSelfClosing =
            options.recognizeSelfClosing ?? !this.htmlMode;
        this.tokenizer = new (options.Tokenizer ?? Tokenizer)(this.options, this);
        this.foreignContext = [ForeignContext.None];
        this.cbs.onparserinit?.(this);
    }
    // Tokenizer event handlers
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    ontext(start, endIndex) {
        const data = this.getSlice(start, endIndex);
        this.endIndex = endIndex - 1;
        this.cbs.ontext?.(data);
        this.startIndex = endIndex;
    }
    /**
     * @param cp Current Unicode code point.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    ontextentity(cp, endIndex) {
        this.endIndex = endIndex - 1;
        this.cbs.ontext?.(fromCodePoint(cp));
        this.startIndex = endIndex;
    }
    /** @internal */
    isInForeignContext() {
        return this.foreignContext[0] !== ForeignContext.None;
    }
    /**
     * Checks if the current tag is a void element. Override this if you want
     * to specify your own additional void elements.
     * @param name Name of the pseudo selector.
     */
    isVoidElement(name) {
        return this.htmlMode && voidElements.has(name);
    }
    /**
     * Read a tag name from the buffer.
     *
     * When `lowerCaseTagNames` is enabled (the default in HTML mode), the name
     * is lowercased and may be adjusted for SVG casing or the `image` → `img`
     * alias.
     * @param start Start index of the tag name in the buffer.
     * @param endIndex End index of the tag name in the buffer.
     */
    readTagName(start, endIndex) {
        const name = this.lowerCaseTagNames
            ? this.getSlice(start, endIndex).toLowerCase()
            : this.getSlice(start, endIndex);
        if (!(this.lowerCaseTagNames && this.htmlMode)) {
            return name;
        }
        if (this.foreignContext[0] === ForeignContext.Svg) {
            return svgTagNameAdjustments.get(name) ?? name;
        }
        /*
         * Closing tags for SVG elements inside HTML integration points
         * (e.g. </foreignObject> while inside its own content) need case
         * adjustment so the name matches what was pushed to the stack.
         * `foreignContext.length > 1` means a foreign ancestor exists —
         * the base [None] entry plus at least one pushed context.
         */
        if (this.foreignContext.length > 1) {
            const adjusted = svgTagNameAdjustments.get(name);
            if (adjusted !== undefined && this.stack.includes(adjusted)) {
                return adjusted;
            }
        }
        if (!this.isInForeignContext()) {
            return name === "image" ? "img" : name;
        }
        return name;
    }
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    onopentagname(start, endIndex) {
        this.endIndex = endIndex;
        this.emitOpenTag(this.readTagName(start, endIndex));
    }
    emitOpenTag(name) {
        this.openTagStart = this.startIndex;
        this.tagname = name;
        /*
         * The spec ignores a second <form> when one is already open.
         * Setting tagname to "" suppresses all downstream effects: attribs
         * stays null so endOpenTag is a no-op, and closeCurrentTag can't
         * match "" on the stack.
         */
        if (this.htmlMode && name === "form" && this.stack.includes("form")) {
            this.tagname = "";
            return;
        }
        const impliesClose = this.htmlMode && openImpliesClose.get(name);
        if (impliesClose) {
            while (this.stack.length > 0 && impliesClose.has(this.stack[0])) {
                this.popElement(true);
            }
        }
        if (!this.isVoidElement(name)) {
            this.stack.unshift(name);
            if (this.htmlMode) {
                if (name === "svg") {
                    this.foreignContext.unshift(ForeignContext.Svg);
                }
                else if (name === "math") {
                    this.foreignContext.unshift(ForeignContext.MathML);
                }
                else if (htmlIntegrationElements.has(name)) {
                    this.foreignContext.unshift(ForeignContext.None);
                }
            }
        }
        this.cbs.onopentagname?.(name);
        if (this.cbs.onopentag)
            this.attribs = {};
    }
    endOpenTag(isImplied) {
        this.startIndex = this.openTagStart;
        if (this.attribs) {
            this.cbs.onopentag?.(this.tagname, this.attribs, isImplied);
            this.attribs = null;
        }
        if (this.cbs.onclosetag && this.isVoidElement(this.tagname)) {
            this.cbs.onclosetag(this.tagname, true);
        }
        this.tagname = "";
    }
    /**
     * @param endIndex End index for the current parser event.
     * @internal
     */
    onopentagend(endIndex) {
        this.endIndex = endIndex;
        this.endOpenTag(false);
        // Set `startIndex` for next node
        this.startIndex = endIndex + 1;
    }
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    onclosetag(start, endIndex) {
        this.endIndex = endIndex;
        const name = this.readTagName(start, endIndex);
        if (!this.isVoidElement(name)) {
            const pos = this.stack.indexOf(name);
            if (pos !== -1) {
                for (let index = 0; index < pos; index++) {
                    this.popElement(true);
                }
                this.popElement(false);
            }
            else if (this.htmlMode && name === "p") {
                // Implicit open before close
                this.emitOpenTag("p");
                this.closeCurrentTag(true);
            }
        }
        else if (this.htmlMode && name === "br") {
            // We can't use `emitOpenTag` for implicit open, as `br` would be implicitly closed.
            this.cbs.onopentagname?.("br");
            this.cbs.onopentag?.("br", {}, true);
            this.cbs.onclosetag?.("br", false);
        }
        // Set `startIndex` for next node
        this.startIndex = endIndex + 1;
    }
    /**
     * @param endIndex End index for the current parser event.
     * @internal
     */
    onselfclosingtag(endIndex) {
        this.endIndex = endIndex;
        if (this.recognizeSelfClosing || this.isInForeignContext()) {
            this.closeCurrentTag(false);
            // Set `startIndex` for next node
            this.startIndex = endIndex + 1;
        }
        else {
            // Ignore the fact that the tag is self-closing.
            this.onopentagend(endIndex);
        }
    }
    /**
     * Pop the top element off the stack, emit a close event, and maintain
     * the foreign context stack.
     * @param implied Whether this close is implied (not from an explicit end tag).
     */
    popElement(implied) {
        // biome-ignore lint/style/noNonNullAssertion: The element is guaranteed to exist.
        const element = this.stack.shift();
        if (this.htmlMode &&
            (foreignContextElements.has(element) ||
                htmlIntegrationElements.has(element))) {
            this.foreignContext.shift();
        }
        this.cbs.onclosetag?.(element, implied);
    }
    closeCurrentTag(isOpenImplied) {
        const name = this.tagname;
        this.endOpenTag(isOpenImplied);
        // Self-closing tags will be on the top of the stack
        if (this.stack[0] === name) {
            this.popElement(!isOpenImplied);
        }
    }
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    onattribname(start, endIndex) {
        this.startIndex = start;
        const name = this.getSlice(start, endIndex);
        this.attribname = this.lowerCaseAttributeNames
            ? name.toLowerCase()
            : name;
    }
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    onattribdata(start, endIndex) {
        this.attribvalue += this.getSlice(start, endIndex);
    }
    /**
     * @param cp Current Unicode code point.
     * @internal
     */
    onattribentity(cp) {
        this.attribvalue += fromCodePoint(cp);
    }
    /**
     * @param quote Quote type used for the current attribute.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    onattribend(quote, endIndex) {
        this.endIndex = endIndex;
        this.cbs.onattribute?.(this.attribname, this.attribvalue, quote === QuoteType.Double
            ? '"'
            : quote === QuoteType.Single
                ? "'"
                : quote === QuoteType.NoValue
                    ? undefined
                    : null);
        if (this.attribs && !Object.hasOwn(this.attribs, this.attribname)) {
            this.attribs[this.attribname] = this.attribvalue;
        }
        this.attribvalue = "";
    }
    getInstructionName(value) {
        const index = value.search(reNameEnd);
        let name = index < 0 ? value : value.substr(0, index);
        if (this.lowerCaseTagNames) {
            name = name.toLowerCase();
        }
        return name;
    }
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    ondeclaration(start, endIndex) {
        this.endIndex = endIndex;
        const value = this.getSlice(start, endIndex);
        if (this.cbs.onprocessinginstruction) {
            /*
             * In HTML mode, ondeclaration is only reached for DOCTYPE
             * (the tokenizer routes everything else to bogus comments).
             */
            const name = this.htmlMode
                ? this.lowerCaseTagNames
                    ? DOCUMENT_TYPE
                    : value.slice(0, DOCUMENT_TYPE.length)
                : this.getInstructionName(value);
            this.cbs.onprocessinginstruction(`!${name}`, `!${value}`);
        }
        // Set `startIndex` for next node
        this.startIndex = endIndex + 1;
    }
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @internal
     */
    onprocessinginstruction(start, endIndex) {
        this.endIndex = endIndex;
        const value = this.getSlice(start, endIndex);
        if (this.cbs.onprocessinginstruction) {
            const name = this.getInstructionName(value);
            this.cbs.onprocessinginstruction(`?${name}`, `?${value}`);
        }
        // Set `startIndex` for next node
        this.startIndex = endIndex + 1;
    }
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @param offset Offset applied when computing parser indices.
     * @internal
     */
    oncomment(start, endIndex, offset) {
        this.endIndex = endIndex;
        this.cbs.oncomment?.(this.getSlice(start, endIndex - offset));
        this.cbs.oncommentend?.();
        // Set `startIndex` for next node
        this.startIndex = endIndex + 1;
    }
    /**
     * @param start Start index for the current parser event.
     * @param endIndex End index for the current parser event.
     * @param offset Offset applied when computing parser indices.
     * @internal
     */
    oncdata(start, endIndex, offset) {
        this.endIndex = endIndex;
        const value = this.getSlice(start, endIndex - offset);
        if (!this.htmlMode || this.options.recognizeCDATA) {
            this.cbs.oncdatastart?.();
            this.cbs.ontext?.(value);
            this.cbs.oncdataend?.();
        }
        else if (this.isInForeignContext()) {
            this.cbs.ontext?.(value);
        }
        else {
            this.cbs.oncomment?.(`[CDATA[${value}]]`);
            this.cbs.oncommentend?.();
        }
        // Set `startIndex` for next node
        this.startIndex = endIndex + 1;
    }
    /** @internal */
    onend() {
        if (this.cbs.onclosetag) {
            // Set the end index for all remaining tags
            this.endIndex = this.startIndex;
            for (let index = 0; index < this.stack.length; index++) {
                this.cbs.onclosetag(this.stack[index], true);
            }
        }
        this.cbs.onend?.();
    }
    /**
     * Resets the parser to a blank state, ready to parse a new HTML document
     */
    reset() {
        this.cbs.onreset?.();
        this.tokenizer.reset();
        this.tagname = "";
        this.attribname = "";
        this.attribvalue = "";
        this.attribs = null;
        this.stack.length = 0;
        this.startIndex = 0;
        this.endIndex = 0;
        this.cbs.onparserinit?.(this);
        this.buffers.length = 0;
        this.foreignContext.length = 0;
        this.foreignContext.unshift(ForeignContext.None);
        this.bufferOffset = 0;
        this.writeIndex = 0;
        this.ended = false;
    }
    /**
     * Resets the parser, then parses a complete document and
     * pushes it to the handler.
     * @param data Document to parse.
     */
    parseComplete(data) {
        this.reset();
        this.end(data);
    }
    getSlice(start, end) {
        if (start === end) {
            return "";
        }
        while (start - this.bufferOffset >= this.buffers[0].length) {
            this.shiftBuffer();
        }
        let slice = this.buffers[0].slice(start - this.bufferOffset, end - this.bufferOffset);
        while (end - this.bufferOffset > this.buffers[0].length) {
            this.shiftBuffer();
            slice += this.buffers[0].slice(0, end - this.bufferOffset);
        }
        return slice;
    }
    shiftBuffer() {
        this.bufferOffset += this.buffers[0].length;
        this.writeIndex--;
        this.buffers.shift();
    }
    /**
     * Parses a chunk of data and calls the corresponding callbacks.
     * @param chunk Chunk to parse.
     */
    write(chunk) {
        if (this.ended) {
            this.cbs.onerror?.(new Error(".write() after done!"));
            return;
        }
        this.buffers.push(chunk);
        if (this.tokenizer.running) {
            this.tokenizer.write(chunk);
            this.writeIndex++;
        }
    }
    /**
     * Parses the end of the buffer and clears the stack, calls onend.
     * @param chunk Optional final chunk to parse.
     */
    end(chunk) {
        if (this.ended) {
            this.cbs.onerror?.(new Error(".end() after done!"));
            return;
        }
        if (chunk)
            this.write(chunk);
        this.ended = true;
        this.tokenizer.end();
    }
    /**
     * Pauses parsing. The parser won't emit events until `resume` is called.
     */
    pause() {
        this.tokenizer.pause();
    }
    /**
     * Resumes parsing after `pause` was called.
     */
    resume() {
        this.tokenizer.resume();
        while (this.tokenizer.running &&
            this.writeIndex < this.buffers.length) {
            this.tokenizer.write(this.buffers[this.writeIndex++]);
        }
        if (this.ended)
            this.tokenizer.end();
    }
}
//# sourceMappingURL=Parser.js.map
;// CONCATENATED MODULE: ./src/report/html.ts
// The service's messages are HTML (`messageHtml`), and so are the error pages of a gateway; logs and
// summaries want plain text. A real HTML tokenizer reads them (htmlparser2, whose character
// references are decoded by the HTML standard's table and rules, as a browser does): a pattern
// misreads an attribute holding `>` or a comment holding tags, and knows few of the 2,000 and more
// named references.
// The text is not safe to print yet: callers pass it through serviceText, as any service string.

/**
 * How much of an HTML string is read. Callers cut first (only the start of it is ever shown), at most
 * to this; it bounds the work if one does not. The parser's work grows with the input and with the
 * depth of nesting (about 10 ms for the worst shapes at this size; `npm run bench` measures it).
 */
const MAX_HTML = 16_000;
// Elements that start a new line in a browser: their start and end separate the words around them.
const BLOCKS = new Set([
    'address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure footer form',
    'h1 h2 h3 h4 h5 h6 header hgroup hr legend li main nav ol p pre section summary table tbody td tfoot th thead tr ul'
].flatMap((names) => names.split(' ')));
// Elements whose content a browser does not show (with scripts on, as in any browser today).
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'noembed', 'noframes', 'title']);
/**
 * What a browser shows of an HTML page or fragment, as one line of words: tags dropped (a block's
 * start and end, and `<br>`, become a space), scripts, styles and comments dropped, every character
 * reference decoded, white space folded. Only the first MAX_HTML characters are read.
 */
function htmlText(html) {
    const text = [];
    let title;
    let inTitle = false;
    let hidden = 0;
    const parser = new Parser({
        onopentagname(name) {
            if (name === 'title' && title === undefined) {
                title = [];
                inTitle = true;
            }
            if (HIDDEN.has(name))
                hidden++;
            else if (hidden === 0 && BLOCKS.has(name))
                text.push(' ');
        },
        onclosetag(name) {
            if (name === 'title')
                inTitle = false;
            if (HIDDEN.has(name))
                hidden--;
            else if (hidden === 0 && BLOCKS.has(name))
                text.push(' ');
        },
        ontext(data) {
            if (inTitle)
                title?.push(data);
            else if (hidden === 0)
                text.push(data);
        }
    }, { decodeEntities: true });
    parser.end(head(html));
    return { title: fold(title?.join('') ?? ''), text: fold(text.join('')) };
}
/** What a browser shows of an HTML fragment, as one line of words (see htmlText). */
function htmlToText(html) {
    return htmlText(html).text;
}
// The first MAX_HTML characters, never half of a surrogate pair.
function head(html) {
    if (html.length <= MAX_HTML)
        return html;
    const last = html.charCodeAt(MAX_HTML - 1);
    return html.slice(0, last >= 0xd800 && last <= 0xdbff ? MAX_HTML - 1 : MAX_HTML);
}
function fold(text) {
    return text.replace(/\s+/g, ' ').trim();
}

;// CONCATENATED MODULE: ./src/report/safe-text.ts
// Text from the network made safe to print: no control characters or line breaks (a line of the log
// that starts with `::` or `##[` is a workflow command the runner obeys), and a bounded length.
// C0 and C1 controls, DEL, and the Unicode line and paragraph separators; bidi overrides and
// isolates too, which can make a log line read differently from what it says.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;
// What the runner reads as a command at the start of a line, after leading white space.
const COMMAND_START = /^(\s*)(::|##\[)/;
/** One printable line: unsafe characters become a space, and a leading command marker is broken. */
function oneLine(text) {
    const flat = text.replace(UNSAFE, ' ');
    return flat.replace(COMMAND_START, (_whole, space, marker) => `${space}${marker === '::' ? ': :' : '# #['}`);
}
/**
 * A service string to quote inside one of the action's own sentences: one line, at most `max`
 * characters, ending in `…` when cut. Only the start of a huge string is looked at.
 */
function serviceText(value, max = 200) {
    const raw = typeof value === 'string' ? value : String(value);
    const scanned = raw.length > max * 8;
    const text = oneLine(scanned ? raw.slice(0, max * 8) : raw)
        .replace(/\s+/g, ' ')
        .trim();
    if (text.length <= max && !scanned)
        return text;
    let end = Math.min(text.length, max - 1);
    // Never half of a surrogate pair (an emoji, say) before the ellipsis.
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        end--;
    return `${text.slice(0, end)}…`;
}

;// CONCATENATED MODULE: ./src/wait/sleep.ts
/** The longest delay a Node timer takes; a longer one fires after 1 ms instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Waits `ms` (clamped to the timer range), or rejects with the signal's reason as soon as it aborts. */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, Math.max(0, Math.min(ms, MAX_TIMER_MS)));
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}

;// CONCATENATED MODULE: ./src/http/retry.ts
// What is worth retrying, and how long to wait first.

/**
 * The one rule for a status that is the service's passing trouble, not a verdict: a later request
 * may succeed. A 408 (timeout), a 429 (throttled), and every 5xx but 501 (Not Implemented) and 505
 * (HTTP Version Not Supported), which no retry changes (the Azure SDKs draw the same line). Reads
 * answered so are retried, and a failure so answered is worth running the step again for.
 */
function isTransientStatus(status) {
    return status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}
/**
 * The service said it did nothing: throttled (429), or unavailable in its own words (a 503 with a
 * Retry-After or a JSON error body). A bare 503 page can come from a gateway whose backend acted
 * all the same (Azure Front Door's OriginTimeout): that one is ambiguous.
 */
function refused(response) {
    if (response.status === 429)
        return true;
    if (response.status !== 503)
        return false;
    if (response.headers['retry-after'] !== undefined)
        return true;
    try {
        const error = JSON.parse(response.body)?.error;
        return typeof error === 'object' && error !== null;
    }
    catch {
        return false;
    }
}
/**
 * A trigger is sent again only when it certainly never reached the service (no connection was
 * made) or the service refused it (429, or a 503 in its own words). Any other 5xx, a 408, or a
 * break after connecting leaves open whether it acted: ambiguous.
 */
function decideRetry(kind, outcome) {
    if ('status' in outcome) {
        if (kind === 'read')
            return isTransientStatus(outcome.status) ? 'retry' : 'fail';
        if (refused(outcome))
            return 'retry';
        return outcome.status >= 500 || outcome.status === 408 ? 'ambiguous' : 'fail';
    }
    if (kind === 'trigger' && outcome.maybeSent)
        return 'ambiguous';
    return outcome.retryable ? 'retry' : 'fail';
}
/** Milliseconds a `Retry-After` header asks for (delta-seconds or an HTTP-date), if it is valid. */
function parseRetryAfter(value, now = Date.now()) {
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!text)
        return undefined;
    if (/^\d+$/.test(text))
        return Number(text) * 1_000;
    // An HTTP-date names its month (`Sat, 21 Nov 2026 10:00:30 GMT`); Date.parse takes '-1' too.
    if (!/[a-z]{3}/i.test(text))
        return undefined;
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/**
 * Delay before retry number `retry` (1 for the first retry): exponential with equal jitter, so
 * clients that failed together do not come back together; a `Retry-After` is a floor.
 */
function retryDelay(retry, settings, retryAfterMs, random = Math.random) {
    const exponential = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (retry - 1));
    const jittered = exponential / 2 + (random() * exponential) / 2;
    return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}
/** Backoff scaled to the poll interval: 1s..30s for the default 60s, milliseconds in tests. */
function backoffFor(pollIntervalMs) {
    const baseDelayMs = Math.min(1_000, Math.max(1, Math.round(pollIntervalMs / 4)));
    return { maxAttempts: 5, baseDelayMs, maxDelayMs: Math.min(30_000, Math.max(baseDelayMs, pollIntervalMs)) };
}
/** The longest `Retry-After` one request waits for; a longer one ends it with a message. */
const MAX_RETRY_AFTER_MS = 10 * 60_000;
function describeOutcome(outcome) {
    return 'status' in outcome ? `HTTP ${outcome.status}` : outcome.message;
}
/** Sends until the outcome is worth keeping: the one retry loop of every request the action makes. */
async function withRetries(send, options) {
    const { backoff } = options;
    for (let attempt = 1;; attempt++) {
        const outcome = await send();
        if ('status' in outcome && outcome.status < 300)
            return { outcome, verdict: 'done', attempts: attempt };
        const decision = decideRetry(options.kind, outcome);
        if (decision === 'ambiguous')
            return { outcome, verdict: 'ambiguous', attempts: attempt };
        if (decision === 'fail')
            return { outcome, verdict: 'done', attempts: attempt };
        if (attempt >= backoff.maxAttempts || options.giveUp?.(outcome))
            return { outcome, verdict: 'exhausted', attempts: attempt };
        const retryAfterMs = 'status' in outcome ? parseRetryAfter(outcome.headers['retry-after']) : undefined;
        if (retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS) {
            return { outcome, verdict: 'too-long', attempts: attempt, retryAfterMs };
        }
        const delay = retryDelay(attempt, backoff, retryAfterMs);
        if (options.deadline !== undefined && Date.now() + delay > options.deadline) {
            return { outcome, verdict: 'past-deadline', attempts: attempt, retryAfterMs: delay };
        }
        options.onRetry?.(describeOutcome(outcome), delay, attempt + 1);
        await sleep(delay, options.signal);
    }
}

;// CONCATENATED MODULE: ./src/http/service-error.ts
// Failures of an API in words: what failed, the HTTP status, what the service said, what to do.





const MAX_DETAIL = 300;
/** The service's own words from an error body: JSON `{error:{code,message}}` and kin, text, or HTML. */
function serviceDetail(response) {
    // Only the start of a long body (what is quoted is at most MAX_DETAIL characters anyway), which
    // also bounds the work the HTML clean-up can be made to do.
    const body = response.body.slice(0, 16_000).trim();
    if (!body)
        return {};
    const type = String(response.headers['content-type'] ?? '').toLowerCase();
    if (type.includes('json') || /^[[{]/.test(body)) {
        try {
            return fromJson(JSON.parse(body));
        }
        catch {
            // Not JSON after all: fall through to text.
        }
    }
    if (type.includes('html') || /^<(!doctype|html)/i.test(body)) {
        const { title, text } = htmlText(body);
        const message = [...new Set([title, text].filter(Boolean))].join(': ');
        return message ? { message: excerpt(message) } : {};
    }
    return { message: excerpt(body.replace(/\s+/g, ' ')) };
}
/** An answer in words for a message: `HTTP 503 (code: what the service said)`. */
function answerInWords(response) {
    const words = said(serviceDetail(response));
    return `HTTP ${response.status}${words ? ` (${words})` : ''}`;
}
/** What the service said, as one clean line (`code: message`), or '' when nothing. */
function said(detail) {
    return [detail.code, detail.message].filter(Boolean).join(': ');
}
function fromJson(json) {
    const root = Array.isArray(json) ? json[0] : json;
    if (!isObject(root))
        return {};
    const inner = (typeof root.error === 'object' && root.error !== null ? root.error : root);
    const detail = {};
    const code = inner.code ?? (typeof root.error === 'string' ? root.error : undefined);
    const message = inner.message ?? inner.Message ?? root.error_description ?? root.message;
    if (typeof code === 'string' && code)
        detail.code = serviceText(code, 80);
    if (typeof message === 'string' && message)
        detail.message = excerpt(htmlToText(message));
    return detail;
}
function excerpt(text) {
    return serviceText(text, MAX_DETAIL);
}
const REASONS = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    408: 'Request Timeout',
    409: 'Conflict',
    422: 'Unprocessable Entity',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout'
};
/** Advice for the service's own trouble (see isTransientStatus), whichever API. */
function transientHint(status) {
    if (!isTransientStatus(status))
        return undefined;
    if (status === 429)
        return 'The service throttled the requests; try again later or poll less often (poll-interval).';
    if (status === 408)
        return 'The service did not get the request in time; it is usually temporary, so run the step again later.';
    return 'The service had an error; it is usually temporary, so run the step again later.';
}
class ServiceError extends ActionError {
    name = 'ServiceError';
    status;
    detail;
    /** The service's own trouble (see isTransientStatus): a later request may succeed. */
    get transient() {
        return isTransientStatus(this.status);
    }
    /** `hint`: the API's advice (see src/apis/cloud-partner-portal/hints.ts); without one, only the transient advice. */
    constructor(what, response, hint) {
        const detail = serviceDetail(response);
        const reason = REASONS[response.status] ?? '';
        const words = said(detail);
        const advice = (typeof hint === 'function' ? hint(detail) : hint) ?? transientHint(response.status);
        super(`${what} failed: HTTP ${response.status}${reason ? ` ${reason}` : ''}${words ? ` (${words})` : ''}.${advice ? ` ${advice}` : ''}`);
        this.status = response.status;
        this.detail = detail;
    }
}
/**
 * The service could not be reached or read (see ServiceUnavailableError), or answered with an
 * error of its own (see isTransientStatus) that its retries did not clear: worth a later try.
 */
function isServiceUnavailable(error) {
    return error instanceof ServiceUnavailableError || (error instanceof ServiceError && error.transient);
}

;// CONCATENATED MODULE: ./src/apis/go-live-service.ts
// What a go-live service must do, whichever API it speaks. The run (src/run/, main.ts), the wait loop
// and reporting use only this; each folder under src/apis/ implements it for its API.

/**
 * Whether an API knows the offer, from a read of it (`read` answers true or false, or throws). A
 * refusal of the sign-in (401, 403) is not knowing it: the identity is not on that API's account.
 * `notHere`: those and the API's own "no such offer" answers (CPP: 404; Product Ingestion answers an
 * unknown external id with an empty list, so a 404 there is a gateway's, thrown). Anything else (an
 * outage, an answer it cannot read) is thrown as it is: it must not send the offer to another API.
 */
async function knows(read, notHere = [401, 403]) {
    try {
        return (await read()) !== false;
    }
    catch (error) {
        if (error instanceof ServiceError && notHere.includes(error.status))
            return false;
        throw error;
    }
}

;// CONCATENATED MODULE: external "node:async_hooks"
const external_node_async_hooks_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");
;// CONCATENATED MODULE: ./src/report/log.ts
// The action's only way to the log. Every line passes through oneLine(): whatever service text a
// message quotes, it cannot start a workflow command or break into a second line. And every line is
// cut to MAX_LINE: a service that sends a 3 MB string costs the log one bounded line, not 3 MB.
// And with several offers, every line written while an offer's part runs (within()) is also kept
// for that offer (kept-lines.ts), to be told again in its group at the step's end (group()).




/** The longest line the action prints, as the runner reads it: command and escaping included. */
const MAX_LINE = 4096;
/** The end of a line that was cut. */
const CUT = '… (cut)';
// How much of a message is cleaned at most: far more than a line can show, even after white space
// and control characters collapse. The rest of a huge message is never looked at.
const SCANNED = 4 * MAX_LINE;
/** Places a character takes in a command's data: @actions/core escapes %, CR and LF as %XX. */
function width(char, escaped) {
    return escaped && (char === '%' || char === '\r' || char === '\n') ? 3 : 1;
}
/** The longest start of `text` that takes at most `room` places, never ending in half a surrogate pair. */
function startWithin(text, room, escaped) {
    let used = 0;
    let end = 0;
    for (; end < text.length; end++) {
        used += width(text[end], escaped);
        if (used > room)
            break;
    }
    if (end === text.length)
        return { start: text, whole: true };
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end--;
    return { start: text.slice(0, end), whole: false };
}
/** `message` cleaned by `clean` and cut to `room` places, ending in CUT when anything was left out. */
function fit(message, room, escaped, clean) {
    const scanned = message.length > SCANNED;
    const text = clean(scanned ? message.slice(0, SCANNED) : message);
    const { start, whole } = startWithin(text, room, escaped);
    if (whole && !scanned)
        return start;
    return startWithin(text, room - CUT.length, escaped).start + CUT;
}
// Multi-line messages of the action's own (the id-token permission hint) stay readable: each line
// is made safe on its own, and the lines are joined again for the annotation.
function safe(message) {
    return message.split(/\r?\n/).map(oneLine).join('\n');
}
/** One command's data, cut so that the command's line (`::warning::` and escapes included) fits. */
function annotation(command, message) {
    return fit(message, MAX_LINE - `::${command}::`.length, true, safe);
}
function eachLine(message, room, escaped, write) {
    // A message of a million short lines is as much a flood as one long line: its start is enough.
    const lines = fit(message, MAX_LINE * 4, false, (text) => text).split(/\r?\n/);
    for (const line of lines)
        write(fit(line, room, escaped, oneLine));
}
// Whose part of the step is running: the offer whose lines these are. The scope follows the offer's
// own calls and awaits (whatever module writes the line), not the text, so a line needs no label
// to be found; work shared by the step (sign-in, the heartbeat) starts outside every offer's scope.
const scope = new external_node_async_hooks_namespaceObject.AsyncLocalStorage();
/** Keeps a line for the offer whose part is running, if any. */
function keep(text, debug = false) {
    scope.getStore()?.add({ text, debug });
}
/** An annotation kept as the runner shows it (`Warning: …`): told again, it must not annotate twice. */
function keepAnnotation(word, data) {
    const kept = scope.getStore();
    if (kept)
        eachLine(`${word}: ${data}`, MAX_LINE, false, (line) => kept.add({ text: line, debug: false }));
}
/** A group's title: one safe line that no `::` can end early or turn into another command. */
function groupTitle(title) {
    return fit(title, 200, true, (text) => oneLine(text).replace(/:(?=:)/g, ': '));
}
const log = {
    info: (message) => eachLine(message, MAX_LINE, false, (line) => {
        info(line);
        keep(line);
    }),
    debug: (message) => eachLine(message, MAX_LINE - '::debug::'.length, true, (line) => {
        core_debug(line);
        // Shown only with step debug on: kept only then, so they never crowd out the story.
        if (isDebug())
            keep(line, true);
    }),
    // Commands escape line breaks in their data themselves; the lines are still cleaned one by one.
    notice: (message) => {
        const data = annotation('notice', message);
        notice(data);
        keepAnnotation('Notice', data);
    },
    warning: (message) => {
        const data = annotation('warning', message);
        warning(data);
        keepAnnotation('Warning', data);
    },
    /** The step's error: marks the step failed. */
    fail: (message) => setFailed(annotation('error', message)),
    /** A fault of the action's own (not an ActionError, which is words for the user): its stack, for debugging. */
    fault: (error) => {
        if (error instanceof Error && !(error instanceof ActionError))
            log.debug(error.stack ?? error.message);
    },
    /** Runs `part` as one offer's: every line it writes (info, debug, warning, notice) is also kept in `kept`. */
    within: (kept, part) => scope.run(kept, part),
    /**
     * One collapsible group: `title`, then `lines` as they were kept (made safe and bounded when first
     * written). Written at once, outside any offer's scope, so nothing else lands inside it.
     */
    group: (title, lines) => scope.exit(() => {
        startGroup(groupTitle(title));
        try {
            for (const line of lines) {
                if (line.debug)
                    core_debug(line.text);
                else
                    info(line.text);
            }
        }
        finally {
            endGroup();
        }
    })
};

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
;// CONCATENATED MODULE: external "node:tls"
const external_node_tls_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");
;// CONCATENATED MODULE: ./src/http/reachability.ts
// The step's memory of the origins it could not connect to: once one request has spent its retries
// never connecting to an origin, the others (every offer's) try it once, not five times, until a
// connection to it is made again. So a step of many offers facing an unreachable base-url fails in
// seconds, not minutes, while a blip that has passed is still found by that one attempt.
/** What the step's requests through one transport found of each origin: which could not be reached. */
class Reachability {
    /** Origins a request spent its retries on without connecting, since the last connection made to them. */
    down = new Set();
    /** Origins a connection was made to in this step (a handful: the API's, and the operations' same origin). */
    seen = new Set();
    /** A connection to the origin was made (an answer came, or the request may have gone out). */
    reached(origin) {
        this.down.delete(origin);
        this.seen.add(origin);
    }
    /** Whether a connection to the origin was made earlier in this step: then its base-url is right. */
    wasReached(origin) {
        return this.seen.has(origin);
    }
    /** A request spent its retries without connecting to the origin. */
    unreachable(origin) {
        this.down.add(origin);
    }
    /** Whether a request of this step already spent its retries on the origin, and nothing connected since. */
    isDown(origin) {
        return this.down.has(origin);
    }
}

;// CONCATENATED MODULE: ./src/http/transport.ts
// One HTTP request with a hard deadline, cancellable, with the answer read as a capped stream, and
// failures classified by whether the request may have reached the server (which decides whether a
// non-idempotent POST may be retried). Whatever ends a request early destroys its socket.









/** No usable HTTP response arrived. `maybeSent`: the server may have received and acted on the request. */
class NetworkError extends Error {
    name = 'NetworkError';
    code;
    maybeSent;
    retryable;
    /** The status of an answer that began and could not be read whole (cut off, too large). */
    answerStatus;
    constructor(message, code, maybeSent, retryable, answerStatus) {
        super(message);
        this.code = code;
        this.maybeSent = maybeSent;
        this.retryable = retryable;
        this.answerStatus = answerStatus;
    }
}
/** The largest answer read: an operation or a page of a list is a few KB, so this is generous and still bounded. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
// Failed before a byte left the machine: always safe to retry.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
// The TLS handshake failed, so the request was never sent; retrying does not heal a certificate.
const TLS_FAILURE = /^(ERR_TLS_|ERR_SSL_|EPROTO$)|CERT|SIGNATURE/;
/**
 * `connected`: whether the connection to the server (or proxy) was made before the failure, as the
 * transport saw it on the socket; before that no byte of the request can have left. Unknown
 * (undefined): judged from the error code alone.
 */
function classifyNetworkError(error, url, connected) {
    if (error instanceof NetworkError)
        return error;
    const code = error?.code;
    const message = serviceText(messageOf(error), 160);
    const where = url.host;
    // Once the transport saw the connection made, no code proves the request unsent: an established
    // connection can also end in EHOSTUNREACH, and a TLS record error comes after the handshake.
    const unsent = connected !== true && typeof code === 'string';
    if (unsent && TLS_FAILURE.test(code)) {
        return new NetworkError(`the secure connection to ${where} failed: ${message} (${code})`, code, false, false);
    }
    if (unsent && NOT_SENT.has(code)) {
        return new NetworkError(`could not connect to ${where} (${code})`, code, false, true);
    }
    if (connected === false) {
        // Refused by a proxy, reset during the TLS handshake, anything before the connection was made.
        return new NetworkError(`could not connect to ${where} (${message})`, typeof code === 'string' ? code : 'ERROR', false, true);
    }
    if (typeof code === 'string' && code.startsWith('HPE_')) {
        // A malformed answer (bad status line, overlong or folded header): the request went out, and
        // the status line, when it could be read, says whether the service accepted it.
        return new NetworkError(`the answer from ${where} was not valid HTTP (${message})`, code, true, true, statusOfRaw(error));
    }
    // Reset, broken pipe, or anything unforeseen after connecting: the request may have gone out.
    return new NetworkError(`the connection to ${where} broke (${typeof code === 'string' ? code : message})`, String(code ?? 'ERROR'), true, true);
}
/** The status of an answer's first bytes (`HTTP/1.1 202 Accepted`), as the HTTP parser kept them on its error. */
function statusOfRaw(error) {
    const raw = error?.rawPacket;
    if (!Buffer.isBuffer(raw))
        return undefined;
    const status = /^HTTP\/1\.[01] ([1-5]\d\d)[ \r]/.exec(raw.subarray(0, 32).toString('latin1'))?.[1];
    return status === undefined ? undefined : Number(status);
}
/**
 * An answer arrived but could not be used (not valid HTTP, too large, cut off): the server
 * certainly received the request, so a POST's go-live has probably started.
 */
function answeredUnusably(error) {
    return error.code.startsWith('HPE_') || error.code === 'BODY_TOO_LARGE' || error.code === 'BODY_CUT' || error.code === 'BODY_TIMEOUT';
}
/**
 * Tells `onConnected` once the request's bytes can leave: when the TCP connection is made, or for
 * https when the TLS handshake is done (no request byte is sent before it). A socket handed over
 * already connected counts at once.
 */
function watchConnection(socket, onConnected) {
    if (socket instanceof external_node_tls_namespaceObject.TLSSocket) {
        if (socket.getFinished() !== undefined)
            return onConnected();
        socket.once('secureConnect', onConnected);
    }
    else if (socket.connecting)
        socket.once('connect', onConnected);
    else
        onConnected();
}
function tooLarge(url, cap, status) {
    const limit = cap % (1024 * 1024) === 0 ? `${cap / 1024 / 1024} MiB` : `${cap} bytes`;
    return new NetworkError(`the answer from ${url.host} was larger than ${limit}, so it was not read`, 'BODY_TOO_LARGE', true, false, status);
}
function createTransport(requestTimeoutMs, maxBodyBytes = MAX_BODY_BYTES) {
    // @actions/http-client only for its agents: HTTPS_PROXY / NO_PROXY tunnels. One client per
    // protocol, as a client keeps the agent of the first protocol it served. No keep-alive: nothing
    // is reused across minutes-long polls, and idle sockets would hold the process at exit.
    const clients = new Map();
    const agentFor = (url) => {
        let client = clients.get(url.protocol);
        if (!client) {
            client = new lib_HttpClient(USER_AGENT, [], { keepAlive: false, allowRedirects: false, allowRetries: false });
            clients.set(url.protocol, client);
        }
        return client.getAgent(url.href);
    };
    return {
        reachability: new Reachability(),
        request(method, url, { headers, body, signal, maxBodyBytes: cap = maxBodyBytes }) {
            const limit = Math.min(cap, maxBodyBytes);
            return new Promise((resolve, reject) => {
                if (signal?.aborted)
                    return reject(signal.reason);
                let settled = false;
                const finish = (error, response) => {
                    if (settled)
                        return;
                    settled = true;
                    clearTimeout(timer);
                    signal?.removeEventListener('abort', onAbort);
                    if (response)
                        return resolve(response);
                    // Ends the exchange for good: no socket keeps reading in the background.
                    request.destroy();
                    reject(error);
                };
                const onAbort = () => finish(signal?.reason);
                // Until the connection is made, a failure certainly left the request unsent.
                let connected = false;
                // Once the answer began: its status, kept when the rest of it never comes.
                let answered;
                const payload = method === 'POST' ? (body ?? '') : undefined;
                const module = url.protocol === 'https:' ? external_node_https_namespaceObject : external_node_http_namespaceObject;
                const request = module.request(url, {
                    method,
                    agent: agentFor(url),
                    headers: {
                        'user-agent': USER_AGENT,
                        ...headers,
                        ...(payload !== undefined ? { 'content-length': Buffer.byteLength(payload) } : {})
                    }
                }, (response) => {
                    answered = response.statusCode;
                    if (Number(response.headers['content-length']) > limit)
                        return finish(tooLarge(url, limit, response.statusCode));
                    // Chunks kept as they come and joined once: linear in the size of the answer.
                    const chunks = [];
                    let size = 0;
                    response.on('data', (chunk) => {
                        size += chunk.length;
                        if (size > limit)
                            return finish(tooLarge(url, limit, response.statusCode));
                        chunks.push(chunk);
                    });
                    response.on('end', () => finish(undefined, {
                        status: response.statusCode ?? 0,
                        headers: response.headers,
                        // A UTF-8 byte order mark before JSON is allowed to be ignored (RFC 8259): it is.
                        body: Buffer.concat(chunks, size)
                            .toString('utf8')
                            .replace(/^\uFEFF/, '')
                    }));
                    // The answer had begun: whatever breaks now, the request was received and answered.
                    const cut = () => finish(new NetworkError(`the connection to ${url.host} closed before the whole answer arrived`, 'BODY_CUT', true, true, response.statusCode));
                    response.on('error', cut);
                    response.on('close', () => {
                        if (!response.complete)
                            cut();
                    });
                });
                const timer = setTimeout(() => {
                    const within = `within ${formatDuration(requestTimeoutMs)}`;
                    finish(answered !== undefined
                        ? new NetworkError(`the answer from ${url.host} (HTTP ${answered}) did not finish ${within}`, 'BODY_TIMEOUT', true, true, answered)
                        : connected
                            ? new NetworkError(`no response from ${url.host} ${within}`, 'TIMEOUT', true, true)
                            : new NetworkError(`could not connect to ${url.host} ${within}`, 'CONNECT_TIMEOUT', false, true));
                }, requestTimeoutMs);
                signal?.addEventListener('abort', onAbort, { once: true });
                request.on('socket', (socket) => watchConnection(socket, () => (connected = true)));
                request.on('error', (error) => finish(classifyNetworkError(error, url, connected)));
                request.end(payload);
            });
        },
        dispose() {
            for (const client of clients.values())
                client.dispose();
        }
    };
}

;// CONCATENATED MODULE: ./src/http/request.ts
// One request as every caller sends it: through the transport, with a failure that brought no answer
// kept as a NetworkError (anything else thrown is a fault of the action and stays thrown), sent again
// by the one retry loop (retry.ts). The JSON client adds tokens; sign-in reads with it as it is.



/** One exchange: the answer, or the NetworkError that said why none came. */
async function exchange(transport, method, url, options) {
    try {
        return await transport.request(method, url, options);
    }
    catch (error) {
        if (!(error instanceof NetworkError))
            throw error;
        return error;
    }
}
/**
 * A request that is safe to repeat (a read, a sign-in), sent until its outcome is worth keeping.
 * Returns the answer that remains; when that is an outage (no answer, or the service's passing
 * trouble after the retries), throws what `outage` makes of it, told in words: the NetworkError's
 * message, or `HTTP 503 (code: what the service said)`.
 */
async function readWithRetries(transport, method, url, options, outage) {
    const { backoff, ...request } = options;
    const { outcome } = await withRetries(() => exchange(transport, method, url, request), { kind: 'read', backoff, signal: request.signal });
    if (outcome instanceof NetworkError)
        throw outage(outcome.message, outcome);
    if (isTransientStatus(outcome.status))
        throw outage(answerInWords(outcome), outcome);
    return outcome;
}

;// CONCATENATED MODULE: ./src/http/list-budget.ts
// How much of the services' lists the step holds at once (issue 19). Every list the action reads (a
// product lookup, a product's or an offer's submissions) is read page by page within one listing's
// allowance, and every page being read or parsed holds its share of one budget the whole step
// shares: however many offers run and whatever the service sends, the lists never hold more. A
// page waits its turn for its share; a listing past its allowance is refused with a clear error.

const KiB = 1024;
const MiB = 1024 * KiB;
/**
 * One listing, all its pages together, in bytes as received. A real one is a few KB (one product,
 * or a handful of submissions of about 300 bytes each): 1 MiB is hundreds of times that, room for a
 * product with thousands of submissions, and still small enough to hold a few of at once.
 */
const LISTING_BYTES = 1 * MiB;
/**
 * The step's budget: the pages of every offer's lists read or parsed at once. Eight listings at
 * their allowance; parsed, JSON can grow about 20 times (a page of empty objects), so about 200 MB at
 * worst, well under the 600 MB a step of 32 offers must stay under whatever the service sends.
 */
const STEP_LIST_BYTES = 8 * MiB;
/**
 * The share a page is first read with. A real listing fits many times over (even a CPP offer's
 * history of a few hundred submissions), and 32 such shares fill the budget: as many offers as
 * max-parallel lets list at once, so real lists never wait for each other. A page that does not fit
 * is read again with all that is left of its listing's allowance, and so is every later page of that
 * listing: a huge page waits in line for its large share, neither passed over forever nor served
 * before the pages ahead of it.
 */
const FIRST_READ_BYTES = 256 * KiB;
const inWords = (bytes) => bytes >= MiB && bytes % MiB === 0 ? `${bytes / MiB} MiB` : bytes >= KiB && bytes % KiB === 0 ? `${bytes / KiB} KiB` : `${bytes} bytes`;
/** A list the service sent is larger than a listing may be: the service's fault, nothing the action can use. */
class ListTooLargeError extends ServiceUnavailableError {
    name = 'ListTooLargeError';
}
class ListBudget {
    stepBytes;
    listingBytes;
    firstReadBytes;
    free;
    /** Pages waiting for their share, first come first served (a large share is not passed over forever). */
    line = [];
    constructor(stepBytes = STEP_LIST_BYTES, listingBytes = LISTING_BYTES, firstReadBytes = FIRST_READ_BYTES) {
        // A listing that could never get its share would wait forever.
        if (!(listingBytes <= stepBytes && firstReadBytes <= listingBytes && firstReadBytes > 0)) {
            throw new Error(`A list budget of ${stepBytes} bytes cannot hold a listing of ${listingBytes} read ${firstReadBytes} at first`);
        }
        this.stepBytes = stepBytes;
        this.listingBytes = listingBytes;
        this.firstReadBytes = firstReadBytes;
        this.free = stepBytes;
    }
    /** Bytes of the budget no page holds now. */
    get available() {
        return this.free;
    }
    /**
     * Reads one list: `read` is given a page reader, and every page it reads holds its share of the
     * budget from before its request until what it keeps of it is made (so a page's body and parsed
     * JSON are gone when the share is given back). `what` names the list in the error.
     */
    async readList(what, read, signal) {
        let received = 0;
        let large = false;
        const page = async (readPage) => {
            for (;;) {
                const left = this.listingBytes - received;
                if (left <= 0)
                    throw this.tooLarge(what);
                const share = large ? left : Math.min(this.firstReadBytes, left);
                const release = await this.take(share, signal);
                let read;
                try {
                    read = await readPage(share);
                }
                finally {
                    release();
                }
                if (read !== 'too large') {
                    received += read.bytes;
                    return read.value;
                }
                if (share === left)
                    throw this.tooLarge(what);
                large = true;
            }
        };
        return read(page);
    }
    tooLarge(what) {
        return new ListTooLargeError(`${what} failed: the list is larger than ${inWords(this.listingBytes)} (all its pages together), far more than a real one (a few KB), so the action stopped reading it. Run the step again later, and report it if it persists.`);
    }
    /** Waits its turn until `bytes` are free and holds them; the function returned gives them back (once). */
    take(bytes, signal) {
        let given = false;
        const release = () => {
            if (given)
                return;
            given = true;
            this.free += bytes;
            this.serve();
        };
        if (this.line.length === 0 && bytes <= this.free) {
            this.free -= bytes;
            return Promise.resolve(release);
        }
        return new Promise((resolve, reject) => {
            if (signal?.aborted)
                return reject(signal.reason);
            const waiting = {
                bytes,
                grant: () => {
                    signal?.removeEventListener('abort', onAbort);
                    resolve(release);
                }
            };
            const onAbort = () => {
                this.line.splice(this.line.indexOf(waiting), 1);
                // The one at the head may fit now that this one left the line.
                this.serve();
                reject(signal?.reason);
            };
            signal?.addEventListener('abort', onAbort, { once: true });
            this.line.push(waiting);
        });
    }
    /** Gives the waiting pages their shares, in order, while they fit. */
    serve() {
        for (let next = this.line[0]; next && next.bytes <= this.free; next = this.line[0]) {
            this.line.shift();
            this.free -= next.bytes;
            next.grant();
        }
    }
}

;// CONCATENATED MODULE: ./src/http/unreachable.ts
// A service the action could not connect to, after its retries, said in words that name what to
// check: the base-url, the proxy variables (and whether the connection went through a proxy), and
// for a local trial the emulator.





/** The connection could not be made (never sent), after the request's retries: the service is unreachable. */
class UnreachableError extends ServiceUnavailableError {
    name = 'UnreachableError';
}
/** The error, in words: what failed, how often it was tried, and what to check. */
function unreachableError(context) {
    const { what, said, attempts, elapsedMs, known } = context;
    const tries = known
        ? 'not retried, as an earlier request of this step could not connect either after its retries'
        : attempts > 1
            ? `${attempts} attempts over ${formatDuration(elapsedMs)}`
            : 'not retried';
    return new UnreachableError(`${what} failed: ${said} (${tries}). ${unreachableAdvice(context)}`);
}
/**
 * What to check, in the order a user checks it: the base-url, the proxy (as the toolkit's agent
 * chose it from the environment), and for a loopback base-url the emulator.
 */
function unreachableAdvice(context) {
    const { url, code } = context;
    // Mid-wait, after the service answered: a passing outage, most likely; a poll is lost, not the wait.
    if (context.reachedBefore)
        return `The service answered earlier in this step: the network to it${proxyNamed(url)} is down.`;
    const base = context.baseUrl ?? new URL(url.origin);
    const local = isLoopbackHost(url.hostname);
    const parts = [`The service could not be reached: check base-url (${shown(base)}).`, proxyWords(url, local)];
    if (TLS_FAILURE.test(code)) {
        parts.push('A proxy that inspects TLS needs its certificate authority in NODE_EXTRA_CA_CERTS.');
    }
    if (local) {
        parts.push("For a local trial, start the emulator first (npm run emulator, see the README's Quick start) and use the base-url it prints.");
    }
    return parts.join(' ');
}
/** The base-url as the user wrote it: an origin without its trailing slash. */
function shown(url) {
    return url.pathname === '/' ? url.origin : url.href;
}
/** Whether the connection went through a proxy, and which variables decide it. */
function proxyWords(url, local) {
    const { env } = process;
    const https = url.protocol === 'https:';
    const variable = https ? 'HTTPS_PROXY (or https_proxy)' : 'HTTP_PROXY (or http_proxy)';
    if (local)
        return `The connection went direct: ${variable} and NO_PROXY do not apply to a loopback address.`;
    const proxy = proxyNamed(url);
    if (proxy)
        return `The connection went${proxy}: check that the proxy is up and lets the runner reach ${url.host}, or list ${url.hostname} in NO_PROXY to go direct.`;
    const bypass = env.no_proxy || env.NO_PROXY;
    const set = https ? env.https_proxy || env.HTTPS_PROXY : env.http_proxy || env.HTTP_PROXY;
    if (set && bypass)
        return `The connection went direct, as NO_PROXY covers ${url.hostname}: check NO_PROXY if the runner reaches it only through the proxy.`;
    return `The connection went direct: ${variable} is not set; behind a proxy, set it (and NO_PROXY for the hosts that bypass it).`;
}
/** ` through the proxy http://proxy:3128 (HTTPS_PROXY)` when the connection goes through one, else ''. */
function proxyNamed(url) {
    const proxy = proxyFor(url);
    if (!proxy)
        return '';
    const { env } = process;
    const from = url.protocol === 'https:' ? (env.https_proxy ? 'https_proxy' : 'HTTPS_PROXY') : env.http_proxy ? 'http_proxy' : 'HTTP_PROXY';
    const origin = originOf(proxy);
    return origin ? ` through the proxy ${origin} (${from})` : ` through the proxy in ${from}`;
}
/** The proxy the toolkit's agent takes for `url` (its rules: HTTPS_PROXY or HTTP_PROXY, NO_PROXY, loopback direct). */
function proxyFor(url) {
    try {
        return lib_getProxyUrl(url.href);
    }
    catch {
        // A proxy variable the toolkit cannot read: the words say which variable to check all the same.
        return 'unreadable';
    }
}
/** Only the proxy's origin: its URL may carry a user name and password. */
function originOf(proxy) {
    try {
        return new URL(proxy).origin;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/http/api-client.ts
// An authenticated JSON API as both services use it: a bearer token on every request (one renewal
// after a 401), retries of what is worth retrying, and answers read or explained in words.










/**
 * A request that starts something failed in a way that leaves open whether the service acted on
 * it: it is looked for before anything else (lost-answers.ts). `answered`: an answer came but could
 * not be used, so the service certainly received the request. `accepted`: that answer began with a
 * 2xx status, so the service accepted it: never sent again.
 */
class AmbiguousTriggerError extends ActionError {
    name = 'AmbiguousTriggerError';
    answered;
    accepted;
    constructor(message, answered, accepted = false) {
        super(message);
        this.answered = answered;
        this.accepted = accepted;
    }
}
/** The service answered 2xx with something the action cannot read (not JSON, not the shape). */
class UnexpectedAnswerError extends ServiceUnavailableError {
    name = 'UnexpectedAnswerError';
}
/** A request still failing after its retries; a later request may succeed. */
class RetriesExhaustedError extends ServiceUnavailableError {
    name = 'RetriesExhaustedError';
}
/** An answer larger than the share its page was read with (never leaves this file: a page reads it as 'too large'). */
class PastShare extends Error {
}
function isSuccess(response) {
    return response.status >= 200 && response.status < 300;
}
/** The start of a body, as one clean line, for a message. */
function api_client_excerpt(body) {
    return serviceText(body.slice(0, 1_000), 120) || 'empty body';
}
/** A failure that never connected (refused, no such host, connect timeout, TLS handshake): the request never left. */
function neverConnected(outcome) {
    return outcome instanceof NetworkError && !outcome.maybeSent;
}
class ApiClient {
    options;
    lists;
    /** The transport's memory of unreachable origins (shared by every offer of the step), or this client's own. */
    reachability;
    constructor(options) {
        this.options = options;
        this.lists = options.lists ?? new ListBudget();
        this.reachability = options.transport.reachability ?? new Reachability();
    }
    /** A GET that must answer 200 with JSON that `parse` accepts; anything else is an error in words. */
    readJson(url, what, parse, failure) {
        return this.read(url, what, parse, failure);
    }
    /**
     * Reads one list, all its pages (`read` reads them with the page reader it is given), within a
     * listing's allowance and the step's list budget (list-budget.ts): a list past the allowance
     * throws a ListTooLargeError naming it (`what`) and the limit.
     */
    readList(what, failure, read) {
        const reader = (page) => read((url, parse) => page((maxBytes) => this.readPage(url, what, parse, failure, maxBytes)));
        return this.lists.readList(what, reader, this.options.signal);
    }
    /** A page read within its share: what `parse` keeps and the body's size, or 'too large' for the share. */
    async readPage(url, what, parse, failure, maxBytes) {
        try {
            const { value, response } = await this.read(url, what, parse, failure, maxBytes);
            // The body as received: the transport decoded it as UTF-8.
            return { value, bytes: Buffer.byteLength(response.body) };
        }
        catch (error) {
            if (error instanceof PastShare)
                return 'too large';
            throw error;
        }
    }
    async read(url, what, parse, failure, maxBodyBytes) {
        const response = await this.settle({ method: 'GET', url, kind: 'read', what, maxBodyBytes }, failure);
        if (isSuccess(response) && response.status !== 200) {
            throw new UnexpectedAnswerError(`${what} failed: the service answered HTTP ${response.status} instead of 200 (${api_client_excerpt(response.body)}).`);
        }
        if (response.status !== 200)
            throw failure(response);
        const unexpected = (why) => new UnexpectedAnswerError(`${what} failed: the answer ${why} (${api_client_excerpt(response.body)}).`);
        let json;
        try {
            json = JSON.parse(response.body);
        }
        catch {
            // A SyntaxError for text, a RangeError for JSON nested past the parser's depth.
            throw unexpected('is not JSON the action can read');
        }
        try {
            return { value: parse(json), response };
        }
        catch (error) {
            // Only a shape the parser refuses is the service's fault; anything else (a TypeError) is ours.
            if (error instanceof ShapeError)
                throw unexpected(error.message);
            throw error;
        }
    }
    /** A status read: the operation `parse` makes of the answer, with a `Retry-After` it carried. */
    async readOperation(url, what, parse, failure) {
        const { value: operation, response } = await this.readJson(url, what, parse, failure);
        const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
        // The wait honours it for this operation only: a Retry-After on an answer (long-running
        // operations send one on every read) paces that offer; only a refusal (429, 503) slows the fleet.
        return retryAfterMs === undefined ? { operation } : { operation, retryAfterMs };
    }
    /**
     * Sends a request, retrying what is worth retrying. Returns the final HTTP response, whatever its
     * status; throws when no response came after all attempts, or when a trigger's fate is unknown.
     * `json`: a body to send as application/json.
     */
    send(method, url, kind, what, failure, json) {
        return this.settle({ method, url, kind, what, body: json === undefined ? undefined : JSON.stringify(json) }, failure);
    }
    async settle(request, failure) {
        const { kind, what, maxBodyBytes, url } = request;
        const { backoff, tokens, signal, deadline } = this.options;
        const { origin } = url;
        // An origin an earlier request of the step spent its retries on: tried once, not retried.
        const known = this.reachability.isDown(origin);
        const startedAt = Date.now();
        let renewed = false;
        const attempt = async () => {
            await this.throttled(kind, what);
            const token = await tokens.getToken();
            const outcome = await this.exchange(request, token);
            if (!('status' in outcome) || outcome.status !== 401 || renewed || !tokens.renewable)
                return outcome;
            // One fresh token after a 401, within the same attempt: the rejected token is renewed once for
            // every request it failed.
            renewed = true;
            log.info(`${what}: the service rejected the access token (HTTP 401); retrying once with a fresh token.`);
            const fresh = await tokens.renew(token);
            if (fresh === undefined)
                return outcome;
            const again = await this.exchange(request, fresh);
            if ('status' in again && again.status === 401)
                tokens.refusedAfterRenewal?.(fresh);
            return again;
        };
        const settled = await withRetries(attempt, {
            kind,
            backoff,
            signal,
            // Reads stop at the deadline through `signal`; a trigger is not re-sent past it.
            deadline: kind === 'trigger' ? deadline : undefined,
            giveUp: (outcome) => known && neverConnected(outcome),
            onRetry: (said, delay, next) => {
                // A go-live request retried now was refused (or never connected): nothing started yet.
                if (kind === 'trigger')
                    this.options.progress?.refused();
                log.info(`${what}: ${said}; retrying in ${formatDuration(delay)} (attempt ${next} of ${backoff.maxAttempts}).`);
            }
        });
        const { outcome } = settled;
        const said = describeOutcome(outcome);
        if (neverConnected(outcome) && (settled.verdict === 'exhausted' || settled.verdict === 'done')) {
            // Every attempt failed before connecting: the service cannot be reached from here. Said with
            // what to check; and the step's other requests to it try once from now on.
            this.reachability.unreachable(origin);
            const attempts = settled.attempts;
            throw unreachableError({
                what,
                said,
                code: outcome.code,
                url,
                baseUrl: this.options.baseUrl,
                attempts,
                elapsedMs: Date.now() - startedAt,
                known,
                reachedBefore: this.reachability.wasReached(origin)
            });
        }
        switch (settled.verdict) {
            case 'ambiguous':
                throw new AmbiguousTriggerError(`${what} got no clear answer: ${said}`, outcome instanceof NetworkError && answeredUnusably(outcome), outcome instanceof NetworkError && outcome.answerStatus !== undefined && outcome.answerStatus >= 200 && outcome.answerStatus < 300);
            case 'too-long':
                throw new RetriesExhaustedError(`${what} failed: ${said}, and the service asked to retry after ${formatDuration(settled.retryAfterMs ?? 0)}, longer than the action waits for one request (${formatDuration(MAX_RETRY_AFTER_MS)}). Run the step again later.`);
            case 'past-deadline':
                throw new RetriesExhaustedError(`${what} failed: ${said}; the next attempt would come after the step's timeout, so it was not sent again. The service did not act on it (nothing was started): run the step again later, or give it a longer timeout.`);
            case 'exhausted':
                if ('status' in outcome)
                    throw new RetriesExhaustedError(`${failure(outcome).message} (after ${settled.attempts} attempts)`);
                throw new RetriesExhaustedError(`${what} failed after ${settled.attempts} attempts: ${said}.`);
            case 'done':
                if ('status' in outcome)
                    return outcome;
                // Past the transport's own cap (4 MiB) it is the service's fault; past a page's share, the list decides.
                if (maxBodyBytes !== undefined && outcome.code === 'BODY_TOO_LARGE')
                    throw new PastShare();
                throw new ServiceUnavailableError(`${what} failed: ${said}.`);
        }
    }
    /**
     * Waits while the service asked the step to slow down (see Throttle). A trigger is not held past
     * the step's timeout: it is not sent at all, as a retry past it is not.
     */
    async throttled(kind, what) {
        const { throttle, deadline, signal } = this.options;
        // A go-live request that would wait past the timeout is not sent; a read waits to it and ends there.
        const pastDeadline = kind === 'trigger'
            ? (wait) => new RetriesExhaustedError(`${what} was not sent: the service asked for ${formatDuration(wait)} before the next request, which would come after the step's timeout. The service did not act on it (nothing was started): run the step again later, or give it a longer timeout.`)
            : undefined;
        await throttle?.ready(signal, deadline, pastDeadline);
    }
    /**
     * One exchange of a request. A go-live request begins only before the step's deadline (a read is
     * cut by `signal` instead), the offer is told just before its bytes may leave, and once on its way
     * it is cut by a cancellation, never by the deadline (its answer names what it started).
     */
    async exchange(request, token) {
        const { signal, cancelled, deadline, progress } = this.options;
        if (request.kind !== 'trigger')
            return this.request(request, token, signal);
        if (deadline !== undefined && Date.now() >= deadline)
            throw new DeadlineError();
        progress?.sending();
        return this.request(request, token, cancelled ?? signal);
    }
    /** One request with the token; a failure without an HTTP answer comes back as a NetworkError, not thrown. */
    async request({ method, url, body, maxBodyBytes }, token, signal) {
        const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
        if (body !== undefined)
            headers['Content-Type'] = 'application/json';
        const outcome = await exchange(this.options.transport, method, url, { headers, body, signal, maxBodyBytes });
        log.debug(`${method} ${url.pathname} -> ${describeOutcome(outcome)}`);
        if (!neverConnected(outcome))
            this.reachability.reached(url.origin);
        // Throttled (429) or unavailable (503) with a Retry-After: every request of the step waits.
        if ('status' in outcome && (outcome.status === 429 || outcome.status === 503)) {
            const retryAfterMs = parseRetryAfter(outcome.headers['retry-after']);
            if (retryAfterMs !== undefined)
                this.options.throttle?.slowDown(retryAfterMs);
        }
        return outcome;
    }
}

;// CONCATENATED MODULE: ./src/wait/links.ts
// The links a CPP status names (`previewLinks`, `liveLinks`: `{displayText, uri}`), kept only when
// they are safe to show as links: absolute https URLs with no credentials, white space or control
// characters, of bounded length, and a bounded number of them. Anything else is left out, silently:
// a link is a courtesy, never a reason to fail.


const MAX_LINKS = 20;
const MAX_URL = 2_000;
const MAX_TEXT = 100;
/** Entries looked at per list: a hostile list of a million entries costs this many, not a million. */
const MAX_SCANNED = 200;
// White space, controls (C0, C1) and format characters (bidi overrides, zero-width): never in a link.
const links_UNSAFE = /[\s\p{Cc}\p{Cf}]/u;
// Characters that end or break a Markdown link or an HTML attribute, percent-encoded in the path,
// query and fragment (the URL parser leaves several of them as they are).
const BREAKS_OUT = /[()[\]<>"'`{}|\\^]/g;
/** The URL of a link, rebuilt, or undefined when it is not one to show. */
function safeLinkUrl(raw) {
    if (typeof raw !== 'string' || raw.length > MAX_URL || links_UNSAFE.test(raw))
        return undefined;
    let url;
    try {
        url = new URL(raw); // no base: a relative reference is refused
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:' || url.username || url.password || !url.hostname)
        return undefined;
    const rest = `${url.pathname}${url.search}${url.hash}`.replace(BREAKS_OUT, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    const href = `${url.origin}${rest}`;
    return href.length <= MAX_URL ? href : undefined;
}
/** The safe links of one list (`previewLinks` or `liveLinks`); [] when it is missing or not a list. */
function linksOf(value) {
    if (!Array.isArray(value))
        return [];
    const links = [];
    for (const entry of value.slice(0, MAX_SCANNED)) {
        if (!isObject(entry))
            continue;
        const url = safeLinkUrl(entry.uri);
        if (!url)
            continue;
        const text = typeof entry.displayText === 'string' ? serviceText(entry.displayText, MAX_TEXT) : '';
        links.push({ text: text || serviceText(url, MAX_TEXT), url });
        if (links.length === MAX_LINKS)
            break;
    }
    return links;
}
/** The links of a CPP status body; empty lists when it names none. */
function parseLinks(body) {
    return { preview: linksOf(body.previewLinks), live: linksOf(body.liveLinks) };
}
/** No links: what an answer that has none (a Product Ingestion job) carries. */
const noLinks = () => ({ preview: [], live: [] });

;// CONCATENATED MODULE: ./src/wait/status.ts
// Every status spelling the service has used, folded into the few states the action acts on.

// Keys in the API's own spelling (lowerCamelCase): statusWord() names a still-going state by its key.
const OPERATION_STATES = {
    succeeded: 'succeeded',
    complete: 'succeeded',
    completed: 'succeeded',
    failed: 'failed',
    canceled: 'canceled',
    cancelled: 'canceled',
    notStarted: 'running',
    running: 'running',
    waitingForPublisherReview: 'running'
};
/** The table's keys by their lower case: every spelling is compared case-insensitively. */
const KEYS = Object.fromEntries(Object.keys(OPERATION_STATES).map((key) => [key.toLowerCase(), key]));
/** The table's key for `raw`, whatever case it came in; undefined for a status the table does not know. */
function keyOf(raw) {
    return typeof raw === 'string' ? ownEntry(KEYS, raw.trim().toLowerCase()) : undefined;
}
/** The state of an operation's top-level `status`; an unknown spelling counts as still going. */
function normaliseOperationStatus(raw) {
    const key = keyOf(raw);
    const state = key === undefined ? undefined : ownEntry(OPERATION_STATES, key);
    return state ? { state, known: true } : { state: 'running', known: false };
}
/**
 * A known status in one word of the API's spelling, read with the same table as an operation's
 * status (an offer's status has an operation's shape): a finished one as its state (`complete` and
 * `completed` are `succeeded`, `cancelled` is `canceled`), a still-going one as the API writes it
 * (`notStarted`, `running`, `waitingForPublisherReview`). Undefined for any other.
 */
function statusWord(raw) {
    const key = keyOf(raw);
    if (key === undefined)
        return undefined;
    const state = OPERATION_STATES[key];
    return isTerminal(state) ? state : key;
}
function isTerminal(state) {
    return state !== 'running';
}
const STEP_STATES = {
    notstarted: 'notStarted',
    inprogress: 'running',
    running: 'running',
    waitingforpublisherreview: 'waiting',
    waitingforapproval: 'waiting',
    blocked: 'blocked',
    rejected: 'failed',
    failed: 'failed',
    complete: 'completed',
    completed: 'completed',
    succeeded: 'completed',
    canceled: 'canceled',
    cancelled: 'canceled'
};
function normaliseStepStatus(raw) {
    return typeof raw === 'string' ? ownEntry(STEP_STATES, raw.trim().toLowerCase()) : undefined;
}
/** Submission states that mean the submission is over. */
function isFinishedSubmissionState(raw) {
    const state = normaliseOperationStatus(raw);
    return state.known && isTerminal(state.state);
}

;// CONCATENATED MODULE: ./src/wait/operation.ts
// A typed view of an operation body, read defensively: every field may be missing or oddly typed.






// Every string kept is one clean line of bounded length: it is printed and summarised later.
function operation_text(value, max = 200) {
    if (typeof value !== 'string')
        return undefined;
    const clean = serviceText(value.slice(0, max * 4), max);
    return clean === '' ? undefined : clean;
}
function messagesOf(value) {
    if (!Array.isArray(value))
        return [];
    return value.filter(isObject).flatMap((m) => {
        const html = [m.messageHtml, m.message, m.text].find((v) => typeof v === 'string' && v.trim() !== '');
        if (!html)
            return [];
        // The HTML is cut before it is cleaned: the clean-up's work stays bounded too.
        const message = {
            text: serviceText(htmlToText(html.slice(0, 8_000)), 500),
            level: (operation_text(m.level, 20) ?? 'information').toLowerCase()
        };
        const timestamp = operation_text(m.timestamp);
        if (timestamp)
            message.timestamp = timestamp;
        return message.text ? [message] : [];
    });
}
function stepOf(value, index) {
    const id = operation_text(value.id) ?? `step-${index + 1}`;
    const rawStatus = operation_text(value.status, 60) ?? 'unknown';
    const step = {
        id,
        name: operation_text(value.stepName) ?? id,
        rawStatus,
        state: normaliseStepStatus(rawStatus),
        messages: messagesOf(value.messages)
    };
    const estimate = operation_text(value.estimatedTimeFrame, 60);
    if (estimate)
        step.estimate = estimate;
    if (typeof value.progressPercentage === 'number' && Number.isFinite(value.progressPercentage)) {
        step.progress = Math.min(100, Math.max(0, Math.round(value.progressPercentage)));
    }
    return step;
}
/** Parses an operation body; the documentation wraps it in an array, so `[obj]` is accepted too. */
function parseOperation(json) {
    const body = Array.isArray(json) ? json[0] : json;
    if (!isObject(body)) {
        throw new ShapeError('is not a JSON object');
    }
    const rawStatus = operation_text(body.status, 60);
    const { state, known } = normaliseOperationStatus(rawStatus);
    const steps = Array.isArray(body.steps) ? body.steps.filter(isObject).map(stepOf) : [];
    return { rawStatus, state, knownStatus: known, steps, messages: messagesOf(body.messages), links: parseLinks(body), body };
}
const ACTIVE_STEP_STATES = new Set(['running', 'waiting', 'blocked']);
/** The step the operation is in now: the first active one, else the first not started. */
function currentStep(operation) {
    return operation.steps.find((s) => ACTIVE_STEP_STATES.has(s.state)) ?? operation.steps.find((s) => s.state === 'notStarted');
}
/** Why an operation failed, in words: its error messages and those of failed steps. */
function failureReasons(operation) {
    // A Set keeps this linear: a broken service can list tens of thousands of failed steps.
    const reasons = new Set();
    const add = (line) => void reasons.add(line);
    for (const m of operation.messages)
        if (m.level === 'error')
            add(m.text);
    for (const step of operation.steps) {
        const errors = step.messages.filter((m) => m.level === 'error');
        for (const m of errors)
            add(`${step.name}: ${m.text}`);
        if (errors.length === 0 && (step.state === 'failed' || step.state === 'canceled')) {
            add(`${step.name}: ${step.rawStatus}`);
        }
    }
    return [...reasons];
}

;// CONCATENATED MODULE: ./src/apis/cloud-partner-portal/hints.ts
// What to do about a failure of the CPP API, in its terms (publisher and offer ids, api-version). A
// 401's advice is the token source's (TokenProvider.rejectionHint), which the client gives instead.

const aboutVersion = (detail) => /version/i.test(`${detail.code} ${detail.message}`);
function hintFor(status, subject, detail) {
    switch (status) {
        case 400:
            return aboutVersion(detail)
                ? "Check the 'api-version' input (the CPP API answers to 2017-10-31)."
                : 'The service rejected the request as malformed.';
        case 403:
            return `The identity is not allowed to act for publisher '${subject.publisher}': add its service principal (the app registration) to the Partner Center account that owns the publisher, and check the publisher id.`;
        case 404:
            return `Publisher '${subject.publisher}' or offer '${subject.offer}' was not found: check both ids (as shown in Partner Center) and that the offer exists for this publisher.`;
        case 409:
            return 'Another operation is running on the offer; wait for it to finish, then run the step again.';
        case 422:
            return 'The service could not validate the offer for go-live: fix the issues it lists in Partner Center.';
        default:
            return transientHint(status);
    }
}
/**
 * Advice for a failed read of an operation's status. What may be wrong is the operation location,
 * not the publisher or offer id; the canonical location is quoted (it was rebuilt from validated
 * parts), so the step's error names it and says how to read it again.
 */
function operationHintFor(status, location, subject, detail) {
    switch (status) {
        case 400:
            return aboutVersion(detail)
                ? hintFor(status, subject, detail)
                : `The service refused the status read of ${location.href} as malformed: check the operation location.`;
        case 404:
            return `No operation was found at ${location.href}: the location may be wrong, or the service no longer keeps the operation. A dry run (dry-run: true) or Partner Center shows whether a go-live of ${subject.publisher}/${subject.offer} runs; a re-run with this operation-location reads it again.`;
        case 403:
            return hintFor(status, subject, detail);
        default:
            return transientHint(status);
    }
}
/**
 * Whether the advice for a failed status read is about the location itself (operationHintFor names
 * it and says how to read it again), rather than about the go-live, which may go on.
 */
function refusesLocation(status, detail) {
    return status === 404 || (status === 400 && !aboutVersion(detail));
}
/** A failure of the CPP API in words; `hint` replaces the advice for its status when given. */
function cppFailure(what, response, subject, hint) {
    return new ServiceError(what, response, hint ?? ((detail) => hintFor(response.status, subject, detail)));
}

;// CONCATENATED MODULE: ./src/wait/service-time.ts
// Times as the services write them (`2017-03-28T19:50:39.5506018Z`): seconds, up to 9 fractional
// digits (they send 6 or 7, or none), a zone or none (read as UTC). Compared exactly, in nanoseconds
// (Date.parse stops at milliseconds), and quoted as sent: never rewritten.
const TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/i;
/** The instant `text` names, in nanoseconds since 1970; undefined when it is not a time (`2022-03-01-preview2T…`). */
function instantOf(text) {
    const match = text === undefined ? null : TIME.exec(text);
    if (!match)
        return undefined;
    const seconds = Date.parse(`${match[1]}${match[3] ?? 'Z'}`);
    if (Number.isNaN(seconds))
        return undefined;
    return BigInt(seconds) * 1000000n + BigInt((match[2] ?? '').padEnd(9, '0'));
}
/** The time of `times` that `later` prefers over every other, as sent; undefined when none reads as a time. */
function pick(times, later) {
    let best;
    for (const text of times) {
        const at = instantOf(text);
        if (at === undefined)
            continue;
        if (!best || (later ? at > best.at : at < best.at))
            best = { text: text, at };
    }
    return best?.text;
}
/** The earliest of `times` that reads as a time, as sent. */
const earliestTime = (times) => pick(times, false);
/** The latest of `times` that reads as a time, as sent. */
const latestTime = (times) => pick(times, true);

;// CONCATENATED MODULE: ./src/apis/cloud-partner-portal/times.ts


/** The `publisher-signoff` step, by id or name, in any case (Learn's sample names it by id, SUSE's by name). */
const isSignOffStep = (step) => [step.id, step.name].some((name) => name.toLowerCase() === 'publisher-signoff');
/** The times of the messages of the go-live's part of the operation. */
function goLiveTimes(operation) {
    const signOff = operation.steps.findIndex(isSignOffStep);
    const steps = signOff === -1 ? operation.steps : operation.steps.slice(signOff + 1);
    const messages = [...(signOff === -1 ? operation.messages : []), ...steps.flatMap((step) => step.messages)];
    return messages.flatMap((m) => (m.timestamp === undefined ? [] : [m.timestamp]));
}
/**
 * The operation with `started` and, once it has ended, `ended` set from the times its go-live's
 * steps report. `alsoEnded`: another time the service gives for its end (the listed go-live's
 * `changedTime` of an offer live already), taken when it is the later one.
 */
function withGoLiveTimes(operation, alsoEnded) {
    const times = goLiveTimes(operation);
    const started = earliestTime(times);
    const ended = isTerminal(operation.state) ? latestTime([...times, alsoEnded]) : undefined;
    const timed = { ...operation };
    delete timed.started;
    delete timed.ended;
    if (started)
        timed.started = started;
    if (ended)
        timed.ended = ended;
    return timed;
}

;// CONCATENATED MODULE: ./src/apis/cloud-partner-portal/client.ts
// The Cloud Partner Portal API as the action uses it: requests, retries, and typed answers.










class CppClient {
    options;
    api;
    constructor(options) {
        this.options = options;
        this.api = new ApiClient(options);
    }
    /** POST golive. A 409 is an answer (the caller looks for the running go-live), not an error. */
    async requestGoLive(subject) {
        const what = 'The Go Live request';
        const response = await this.api.send('POST', this.offerUrl(subject, 'golive'), 'trigger', what, (r) => this.failure(what, r, subject));
        if (response.status === 409)
            return { kind: 'conflict', response };
        if (!isSuccess(response))
            throw this.failure(what, response, subject);
        const { status } = response;
        const raw = header(response, 'operation-location') ?? header(response, 'location');
        if (!raw)
            return { kind: 'unusable', status, problem: 'sent neither an Operation-Location nor a Location header' };
        try {
            const location = canonicalOperationLocation(raw, this.options.baseUrl, this.options.apiVersion);
            if (!sameOffer(location, subject)) {
                return { kind: 'unusable', status, problem: `named an operation of another offer (${location.publisher}/${location.offer})` };
            }
            return { kind: 'accepted', location };
        }
        catch (error) {
            if (!(error instanceof LocationProblem))
                throw error;
            log.debug(`The operation location the service sent: ${serviceText(raw, 300)}`);
            return { kind: 'unusable', status, problem: `sent an operation location that ${error.message}` };
        }
    }
    readOperation(location, subject) {
        const what = 'Reading the operation status';
        // A 404 or 400 here is about the operation location, not the publisher or offer id.
        return this.api.readOperation(location.url, what, parseGoLive, (response) => {
            const error = this.failure(what, response, subject, (detail) => operationHintFor(response.status, location.url, subject, detail));
            // That advice names the location and how to read it again; nothing says the go-live goes on.
            if (refusesLocation(response.status, error.detail))
                error.resumable = false;
            return error;
        });
    }
    /** GET .../status: the offer's state, in the same shape as an operation. */
    async getOfferStatus(subject) {
        return (await this.readJson(this.offerUrl(subject, 'status'), "Reading the offer's status", subject, parseGoLive)).value;
    }
    /** One page, within a listing's allowance and the step's list budget (http/list-budget.ts), as every list is read. */
    listSubmissions(subject) {
        const what = "Listing the offer's submissions";
        const failure = (response) => this.failure(what, response, subject);
        return this.api.readList(what, failure, (page) => page(this.offerUrl(subject, 'submissions/'), parseSubmissions));
    }
    /**
     * The operation location of a submission (a submission's id is its operation id), or undefined
     * when the id is not one the action accepts. Ids of the `pub$offer$2$preview` form live under
     * /api/operations/, with their `$` kept literal.
     */
    submissionLocation(subject, submission) {
        if (!isOperationId(submission.id))
            return undefined;
        const path = submission.id.includes('$')
            ? `/api/operations/${submission.id}`
            : `/api/publishers/${subject.publisher}/offers/${subject.offer}/operations/${submission.id}`;
        const location = canonicalOperationLocation(path, this.options.baseUrl, this.options.apiVersion);
        // A `pub$offer$n$slot` id names its offer: one of another offer is not this offer's go-live.
        return sameOffer(location, subject) ? location : undefined;
    }
    // Publisher and offer are validated identifiers: safe as path segments as they are.
    offerUrl(subject, tail) {
        return requestUrl(this.options.baseUrl, `/api/publishers/${subject.publisher}/offers/${subject.offer}/${tail}`, this.options.apiVersion);
    }
    readJson(url, what, subject, parse) {
        return this.api.readJson(url, what, parse, (response) => this.failure(what, response, subject));
    }
    /** `hint`: advice for this request instead of the offer-level advice of hints.ts (a 401 keeps the token's). */
    failure(what, response, subject, hint) {
        return cppFailure(what, response, subject, response.status === 401 ? this.options.tokens.rejectionHint() : hint);
    }
}
/** An operation or offer status, with the times its go-live's steps report (times.ts). */
const parseGoLive = (json) => withGoLiveTimes(parseOperation(json));
function header(response, name) {
    const value = response.headers[name];
    const first = Array.isArray(value) ? value[0] : value;
    return first && first.trim() ? first.trim() : undefined;
}
function parseSubmissions(json) {
    const list = Array.isArray(json) ? json : json?.value;
    if (!Array.isArray(list))
        throw new ShapeError('is not a list');
    return list.flatMap((s) => {
        if (!isObject(s) || (typeof s.id !== 'string' && typeof s.id !== 'number'))
            return [];
        const submission = { id: String(s.id) };
        for (const key of ['publisherId', 'offerId', 'submissionType', 'submissionState', 'slot', 'changedTime']) {
            if (typeof s[key] === 'string')
                submission[key] = s[key];
        }
        return [submission];
    });
}

;// CONCATENATED MODULE: ./src/apis/cloud-partner-portal/earlier-failure.ts
// An earlier failure in words, for a verdict that quotes it: what the service said went wrong (the
// offer status, which has an operation's shape), which submission, and when it ended.




/** A service timestamp (`2017-03-28T19:50:39.5506018Z`): quoted as sent, all 7 fractional digits. */
const timestamp = (value) => (instantOf(value) === undefined ? undefined : value);
/** The latest timestamp of the status's error messages (top level and steps), if one reads as a time. */
function errorTime(status) {
    const messages = [...(status?.messages ?? []), ...(status?.steps ?? []).flatMap((step) => step.messages)];
    return latestTime(messages.filter((m) => m.level === 'error').map((m) => m.timestamp));
}
/** When it ended: the submission's changedTime, else the time of the status's error. */
function when(failed, status) {
    return timestamp(failed?.changedTime) ?? errorTime(status);
}
/** `submission 56615b67-…, at 2026-11-20T10:05:39.5506018Z`, or less when less is known; '' when nothing is. */
function whichAndWhen(failed, status) {
    const which = failed ? [`submission ${isOperationId(failed.id) ? failed.id : `'${serviceText(failed.id, 80)}'`}`] : [];
    const at = when(failed, status);
    return [...which, ...(at ? [`at ${at}`] : [])].join(', ');
}
/**
 * What the service said went wrong, as one or more sentences: the status's error messages and failed
 * steps (failureReasons, already one clean line each), at most three, bounded as a whole.
 */
function reasonOf(status) {
    const reasons = status ? failureReasons(status).slice(0, 3) : [];
    if (reasons.length === 0)
        return 'The service gave no reason in the offer status.';
    const text = serviceText(reasons.join('; '), 600);
    return /[.!?…]$/.test(text) ? text : `${text}.`;
}

;// CONCATENATED MODULE: ./src/apis/cloud-partner-portal/listing.ts
// What an offer's submissions listing says, for decide(): which entries are this offer's, the
// go-live that runs, the one that took the offer live, and a failure that is the last word.



const GO_LIVE_TYPES = new Set(['golive', 'go-live', 'go_live']);
/** A go-live by its type, or by the slot a go-live goes to (production; a publish goes to staging). */
const isGoLive = (s) => GO_LIVE_TYPES.has((s.submissionType ?? '').toLowerCase()) || (s.slot ?? '').toLowerCase() === 'production';
const same = (a, b) => a.toLowerCase() === b.toLowerCase();
/**
 * Whether an entry is about another offer: it names another publisher (`publisherId`), another
 * offer (`offerId`), or its `pub$offer$n$slot` id does. Learn's sample names the offer by a GUID
 * (`"offerId": "56615b67-…"`), not by the id the path takes: a GUID cannot be compared with it, so
 * it sets nothing aside (the listing was asked for at this offer's path).
 */
function aboutAnotherOffer(subject, s) {
    if (s.publisherId !== undefined && !same(s.publisherId, subject.publisher))
        return true;
    if (s.offerId !== undefined && !GUID.test(s.offerId) && !same(s.offerId, subject.offer))
        return true;
    const named = offerNamedBy(s.id);
    return named !== undefined && !sameOffer(named, subject);
}
/** The entries about this offer: a listing that ignored the path's offer is never read as this offer's. */
const ofThisOffer = (subject, submissions) => submissions.filter((s) => !aboutAnotherOffer(subject, s));
/** When the entry last changed, in ms; NaN when it does not say (or not as a time). */
const time = (s) => Date.parse(s.changedTime ?? '');
/** Newest first; an entry with no time counts as the oldest. */
const newestFirst = (a, b) => (time(b) || 0) - (time(a) || 0);
const stateOf = (s) => {
    const { state, known } = normaliseOperationStatus(s.submissionState);
    return known ? state : undefined;
};
/** The newest go-live with a state that has not finished (one with no state at all is not running). */
const runningGoLive = (own) => own.filter((s) => isGoLive(s) && s.submissionState !== undefined && !isFinishedSubmissionState(s.submissionState)).sort(newestFirst)[0];
/**
 * The newest go-live that was not listed `before` (the listing read before a request): one that
 * request started, whatever its state now (it may have ended within the look).
 */
const newGoLive = (own, before) => own.filter((s) => isGoLive(s) && !before.some((b) => same(b.id, s.id))).sort(newestFirst)[0];
/**
 * The newest go-live that changed at or after `since` (epoch ms), whatever its state now: one a
 * request sent about then may have started (it may have ended within the look).
 */
const goLiveSince = (own, since) => own.filter((s) => isGoLive(s) && time(s) >= since).sort(newestFirst)[0];
/** A go-live that says no time (or none that reads as one): whether it is older than a request cannot be told. */
const untimedGoLive = (own) => own.find((s) => isGoLive(s) && Number.isNaN(time(s)));
/** The newest go-live that succeeded (`succeeded`, `complete`, `completed`): the one that took the offer live. */
const lastSucceededGoLive = (own) => own.filter((s) => isGoLive(s) && stateOf(s) === 'succeeded').sort(newestFirst)[0];
/**
 * The newest entry that failed among those `test` picks, unless something was listed after it: an
 * entry whose time is known to be later (both times read). When the times do not tell, the failure
 * stands: unknown never clears it.
 */
function failedLast(own, test) {
    const after = (failed) => own.some((s) => s !== failed && time(s) > time(failed));
    return own.filter((s) => test(s) && stateOf(s) === 'failed' && !after(s)).sort(newestFirst)[0];
}
/** The go-live whose failure is the last word of the listing: nothing (a new publish, a retry) came after it. */
const failedLastGoLive = (own) => failedLast(own, isGoLive);
/** The publish (an entry that is not a go-live) whose failure is the last word of the listing. */
const failedLastPublish = (own) => failedLast(own, (s) => !isGoLive(s));

;// CONCATENATED MODULE: ./src/apis/cloud-partner-portal/decide.ts





/**
 * The API's lowerCamelCase spelling of an offer state, whatever case it came in, or `unknown`: the
 * `offer-status` output only ever holds one of these words, never the service's own text. Read with
 * the operations' table (statusWord): `complete` and `completed` are `succeeded` here too. Only
 * `neverPublished` is the offer status's own.
 */
function canonicalOfferStatus(raw) {
    if (!raw)
        return 'unknown';
    return statusWord(raw) ?? (raw.trim().toLowerCase() === 'neverpublished' ? 'neverPublished' : 'unknown');
}
/**
 * The `publisher-signoff` step (by id or name, in any case) waits for the publisher's review. The
 * service reports such an offer as `running`; it is ready to go live (SUSE's client maps it so).
 */
function waitsForSignOff(status) {
    return status.steps.some((step) => isSignOffStep(step) && step.rawStatus.toLowerCase() === 'waitingforpublisherreview');
}
const READY_TO_SIGN_OFF = { kind: 'ready', say: 'The offer waits for publisher sign-off' };
const blocked = (offerStatus, say) => ({ kind: 'blocked', offerStatus, say });
/**
 * The last go-live failed and nothing came after it: never sent again, unless `retry-failed` sends it
 * once more. `status`: the offer status when read (its failure is the reason quoted).
 */
function goLiveFailed(failed, status, context) {
    const which = whichAndWhen(failed, status);
    // The status speaks of the failure only when it is the failure (else it says no more than "waiting").
    const statusFailed = status?.state === 'failed';
    if (context.retryFailed) {
        const say = `The last go-live failed (${which}), and retry-failed is set: it is sent once more`;
        return statusFailed ? { kind: 'ready', say, offerStatus: 'failed', retry: true } : { kind: 'ready', say, retry: true };
    }
    return {
        kind: 'blocked',
        offerStatus: 'failed',
        failed,
        say: `The last go-live failed (${which}): ${reasonOf(statusFailed ? status : undefined)} A go-live that failed is not sent again: fix what it reported in Partner Center, or set retry-failed: true to send it once more.`
    };
}
/** The offer status says failed, and no go-live is listed as the failure: a publish, or an operation not listed. */
function operationFailed(own, status, context) {
    const publish = failedLastPublish(own);
    if (publish) {
        return {
            kind: 'blocked',
            offerStatus: 'failed',
            say: `The last publish failed (${whichAndWhen(publish, status)}): ${reasonOf(status)} Fix what it reported in Partner Center and publish again before going live (retry-failed sends a failed go-live again, not a publish).`
        };
    }
    const at = whichAndWhen(undefined, status);
    const when = at ? ` (${at})` : '';
    if (context.retryFailed) {
        return {
            kind: 'ready',
            offerStatus: 'failed',
            retry: true,
            say: `The last operation failed${when}, and retry-failed is set: the go-live is sent once more`
        };
    }
    return blocked('failed', `The last operation failed${when}: ${reasonOf(status)} The service lists no go-live that failed, so it may have been a publish: fix what it reported in Partner Center and publish again; if it was a go-live, retry-failed: true sends it once more.`);
}
/**
 * `offer`: the offer status, when it was read (undefined when it could not be: then the service's
 * 409 refuses what it must). `submissions`: the offer's submissions, when read (undefined when they
 * could not be); entries about another offer are set aside first. A go-live listed as running is
 * followed whatever the status says: the status can lag a go-live just started, and following one
 * never starts a second. A go-live that failed last is never sent again without `retry-failed`.
 */
function decide(offer, submissions, context) {
    const own = ofThisOffer(context.subject, submissions ?? []);
    const running = runningGoLive(own);
    if (running)
        return { kind: 'follow', running, say: 'A go-live is already running' };
    const failed = failedLastGoLive(own);
    const unlessFailed = (ready) => (failed ? goLiveFailed(failed, offer, context) : ready);
    if (!offer)
        return unlessFailed({ kind: 'ready', say: 'No go-live is running' });
    switch (canonicalOfferStatus(offer.rawStatus)) {
        case 'waitingForPublisherReview':
            return unlessFailed(READY_TO_SIGN_OFF);
        case 'running':
            if (waitsForSignOff(offer))
                return unlessFailed(READY_TO_SIGN_OFF);
            return blocked('running', 'Another operation (a publish) is running on the offer: a go-live would be refused until it reaches publisher sign-off.');
        case 'notStarted':
            return blocked('notStarted', 'A publish was requested but has not started: a go-live makes sense once it waits for publisher sign-off.');
        case 'neverPublished':
            return blocked('neverPublished', 'The offer was never published: publish it first, and go live once it reaches preview (publisher sign-off).');
        case 'succeeded': {
            const last = lastSucceededGoLive(own);
            const say = 'The last operation succeeded and nothing waits for sign-off: the offer is live already. Publish a new version to go live again.';
            return last ? { kind: 'live', last, say } : { kind: 'live', say };
        }
        case 'failed':
            return failed ? goLiveFailed(failed, offer, context) : operationFailed(own, offer, context);
        case 'canceled':
            return blocked('canceled', 'The last operation was canceled: publish again before going live.');
        default:
            return {
                kind: 'unknown',
                say: offer.rawStatus
                    ? `The offer status '${serviceText(offer.rawStatus, 60)}' is not one the action knows; check the offer in Partner Center.`
                    : 'The service sent no offer status; check the offer in Partner Center.'
            };
    }
}

;// CONCATENATED MODULE: ./src/apis/cloud-partner-portal/dry-run.ts






/**
 * The submissions are read whatever the status says: whether a go-live runs, which one took the
 * offer live, and whether the last one failed (then it is not sent again) all come from them.
 */
async function dryRun(client, context) {
    const { subject } = context;
    const status = await client.getOfferStatus(subject);
    let submissions;
    try {
        submissions = await client.listSubmissions(subject);
    }
    catch (error) {
        // A list past its allowance may hide a go-live that runs or failed last: the real run refuses the
        // offer (pre-check.ts), so the dry run reports it blocked, never ready.
        if (error instanceof ListTooLargeError) {
            return {
                offerStatus: 'unknown',
                verdict: 'blocked',
                message: `${error.message} Without the list the action cannot tell whether a go-live runs or failed last: the real run refuses the offer, sending no Go Live request.`
            };
        }
        // The service's own trouble is passed over; one that cannot be reached ends the offer (pre-check.ts).
        if (!isServiceUnavailable(error) || error instanceof UnreachableError)
            throw error;
        log.warning(`Could not read the offer's submissions (${messageOf(error)}): the verdict is the offer status's alone.`);
    }
    return reportOf(decide(status, submissions, context));
}
function reportOf(decision) {
    const { say } = decision;
    switch (decision.kind) {
        case 'follow':
            return { offerStatus: 'running', verdict: 'blocked', message: `${say}: the action would follow it instead of starting another.` };
        case 'ready':
            return {
                offerStatus: decision.offerStatus ?? 'waitingForPublisherReview',
                verdict: 'ready',
                message: `${say}: a go-live would start now.`
            };
        case 'blocked':
            return { offerStatus: decision.offerStatus, verdict: 'blocked', message: say };
        case 'live':
            return { offerStatus: 'succeeded', verdict: 'live', message: say };
        case 'unknown':
            return { offerStatus: 'unknown', verdict: 'unknown', message: say };
    }
}

;// CONCATENATED MODULE: ./src/http/lost-answers.ts
// The one trigger loop of both APIs. The request that starts a go-live is sent once: the request
// layer sends it again only when it certainly never reached the service or the service refused it
// (retry.ts). When the answer is lost or cannot be used, the go-live may have started: it is looked
// for patiently. Only when that whole look read the listing and found no go-live started is the
// request sent once more (once per offer per step); an accepted answer (2xx) is never sent again.






/** The start of every message that leaves a go-live's start unknown: what to do first, then why. */
const MAY_HAVE_STARTED = 'The go-live may have started: run the step again to follow it (a re-run finds a running go-live and starts none twice).';
// The listing can lag the request by a second or more: the look lasts this many base delays of the
// backoff, a minute at the default poll-interval (milliseconds in tests).
const LOOK_SPAN_IN_BASE_DELAYS = 60;
/** Looks that must read the listing (the last one among them) before "none started" is believed. */
const READS_TO_BELIEVE_NONE = 2;
/** The request went out, and neither its answer nor the listing named a go-live: it may have started. */
class OutcomeUnknownError extends ActionError {
    name = 'OutcomeUnknownError';
    constructor(message) {
        super(message, { resumable: false });
    }
}
const isAccepted = (answer) => answer.kind === 'accepted';
const isUnusable = (answer) => answer.kind === 'unusable';
/**
 * The waits between looks: doubling from the backoff's base delay, capped at its longest delay,
 * until they add up to LOOK_SPAN_IN_BASE_DELAYS base delays (1, 2, 4, 8, 16, 30 s by default).
 */
function lookSchedule(backoff) {
    const span = backoff.baseDelayMs * LOOK_SPAN_IN_BASE_DELAYS;
    const delays = [];
    for (let total = 0; total < span;) {
        const delay = Math.max(1, Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** delays.length));
        delays.push(delay);
        total += delay;
    }
    return delays;
}
/**
 * Sends the request that starts a go-live (`send`) and makes its answer a go-live to follow: the one
 * it started, or the one the listing shows after a lost or unusable answer. Other answers (a conflict)
 * are returned as they are; a failure that is not a lost answer is thrown as it is. `progress` is
 * told each step, so the offer's phase says at every moment whether the service may have acted.
 */
async function triggerGoLive(send, find, options) {
    const { progress } = options;
    for (let attempt = 1;; attempt++) {
        // What was lost, what may have happened, and whether the request may go once more.
        let lost;
        try {
            const answer = await send();
            if (isAccepted(answer)) {
                const { location, operation } = answer;
                return operation ? { location, how: 'started', operation } : { location, how: 'started' };
            }
            if (!isUnusable(answer)) {
                // A conflict: the service refused this request (something runs already); the caller looks.
                progress?.refused();
                return answer;
            }
            // Accepted (2xx): the go-live has started, so the request is never sent again, whatever the look finds.
            const said = `${options.request} was accepted (HTTP ${answer.status}), but the service ${answer.problem}`;
            lost = { said, guess: 'The go-live has probably started', mayResend: false };
        }
        catch (error) {
            if (!(error instanceof AmbiguousTriggerError)) {
                // A definite no, or a request that never left (refused, past the deadline, no connection).
                // Cancelled on its way, or a fault of ours: it may have gone out, so the phase stays.
                if (error instanceof ActionError && !(error instanceof CancelledError))
                    progress?.refused();
                throw error;
            }
            // An answer that came but could not be read means the service received the request; one that
            // began with a 2xx is an acceptance, however cut, and is never sent again.
            const said = attempt === 1 ? error.message : `${error.message} (sent a second time, after a whole look found no go-live started)`;
            const guess = error.answered ? 'The go-live has probably started' : 'The service may have started the go-live';
            lost = { said, guess, mayResend: !error.accepted };
        }
        progress?.maybeStarted();
        const look = await lookForGoLive(find, lost.said, lost.guess, options);
        if ('location' in look)
            return { location: look.location, how: 'attached' };
        // The whole look read the listing and no go-live started: the request never took. Once more,
        // before the deadline; a second unanswered request is not followed by a third.
        const again = attempt === 1 && lost.mayResend && look.sawNone;
        const held = again ? options.holdsResend?.() : undefined;
        if (!again || held !== undefined || (options.deadline !== undefined && Date.now() >= options.deadline))
            throw new OutcomeUnknownError(`${MAY_HAVE_STARTED} ${look.said}${held === undefined ? '' : ` ${held}`}`);
        log.warning(`${look.said} No go-live started: sending ${options.request.charAt(0).toLowerCase()}${options.request.slice(1)} once more.`);
    }
}
/** Looks on the schedule until the go-live is listed; a listing that cannot be read is one missed look. */
async function lookForGoLive(find, lost, guess, options) {
    const { where, label, signal, deadline } = options;
    const schedule = lookSchedule(options.backoff);
    const span = formatDuration(schedule.reduce((sum, delay) => sum + delay, 0));
    log.warning(`${lost}. ${guess}; looking for it in ${where} for up to ${span} before anything is sent again.`);
    const startedAt = Date.now();
    let missed = 0;
    let lastMiss = '';
    for (let look = 1;; look++) {
        let read = false;
        try {
            const running = await find();
            if (running) {
                // Most likely the go-live this run's request started.
                log.info(`Look ${look} found the go-live of ${label} in ${where} (${running.id}): following it.`);
                return { location: running };
            }
            read = true;
        }
        catch (error) {
            // Only a listing that could not be read; a definite answer (a go-live it cannot follow) ends the look.
            if (!(error instanceof ServiceError || error instanceof ServiceUnavailableError))
                throw error;
            missed++;
            lastMiss = error.message;
            log.warning(`Look ${look} for the go-live of ${label} missed: ${lastMiss}`);
        }
        const delay = schedule[look - 1];
        const timedOut = delay !== undefined && deadline !== undefined && Date.now() + delay > deadline;
        if (delay === undefined || timedOut) {
            const when = timedOut ? 'before the timeout' : `over ${formatDuration(Date.now() - startedAt)}`;
            if (missed === look)
                return { said: `${lost}, and ${where} could not be read in any of ${look} looks ${when} (last: ${lastMiss}).`, sawNone: false };
            const misses = missed > 0 ? ` (${missed} of them could not read the listing)` : '';
            const sawNone = !timedOut && read && look - missed >= READS_TO_BELIEVE_NONE;
            return { said: `${lost}, and no running go-live of ${label} was listed in ${look} looks ${when}${misses}.`, sawNone };
        }
        await sleep(delay, signal);
    }
}

;// CONCATENATED MODULE: ./src/apis/cloud-partner-portal/find-started.ts
// Which listed go-live to follow instead of starting one: the one running (before a Go Live
// request, or after a 409), or the one a request whose answer was lost may have started. Never
// twice: a go-live that request may have started, running or ended, is followed, never posted again.





/**
 * How far the service's clock may run behind ours: a go-live listed as changed up to this long
 * before the request was sent may still be the one it started.
 */
const CLOCK_SKEW_MS = 5 * 60_000;
/** The location of a listed go-live, or an error when its id is not one the action accepts. */
function locationOf(client, subject, found) {
    const location = client.submissionLocation(subject, found);
    if (!location) {
        throw new ActionError(`A go-live of ${subjectLabel(subject)} is already running, but the service lists it under an id the action does not accept ('${serviceText(found.id, 80)}'), so it cannot be followed. No second go-live was started; follow it in Partner Center.`);
    }
    return location;
}
/** The go-live of this offer running now, if the submissions list one (decide() without an offer status). */
async function findRunning(client, context) {
    const { subject } = context;
    const decision = decide(undefined, await client.listSubmissions(subject), context);
    return decision.kind === 'follow' ? locationOf(client, subject, decision.running) : undefined;
}
/**
 * The look for the go-live a Go Live request that got no clear answer may have started. `before`:
 * the listing read before the request, undefined when it could not be read.
 */
class StartedLook {
    client;
    context;
    before;
    sentAt;
    /** A go-live listed without a time, which may be the one the request started (no listing from before). */
    untimed;
    constructor(client, context, before) {
        this.client = client;
        this.context = context;
        this.before = before;
    }
    /** Called as the request goes out: the first time counts (a go-live of the first request is the one looked for, too). */
    sending() {
        this.sentAt ??= Date.now();
    }
    /**
     * The go-live to follow: one running, or one the request may have started that ended within the
     * look (its read says how it ended; it is never sent again). With the listing from before, that is
     * a go-live not listed before; without it, a go-live changed at or after the request was sent (less
     * the clock skew). One that says no time may be it too: it is not followed (it may be years old),
     * but it holds back a second request (holdsResend).
     */
    find = async () => {
        const { client, context, before } = this;
        const { subject } = context;
        const submissions = await client.listSubmissions(subject);
        const decision = decide(undefined, submissions, context);
        if (decision.kind === 'follow')
            return locationOf(client, subject, decision.running);
        const own = ofThisOffer(subject, submissions);
        if (before) {
            const started = newGoLive(own, before);
            return started ? locationOf(client, subject, started) : undefined;
        }
        const since = (this.sentAt ?? Date.now()) - CLOCK_SKEW_MS;
        const started = goLiveSince(own, since);
        if (started)
            return locationOf(client, subject, started);
        this.untimed ??= untimedGoLive(own);
        return undefined;
    };
    /** Why the request is not sent once more after a whole look found none to follow (lost-answers.ts). */
    holdsResend = () => {
        const { untimed } = this;
        if (!untimed)
            return undefined;
        const state = untimed.submissionState === undefined ? 'no state' : `state '${serviceText(untimed.submissionState, 40)}'`;
        return `A go-live of ${subjectLabel(this.context.subject)} is listed with no time (submission '${serviceText(untimed.id, 80)}', ${state}), and the offer's submissions could not be listed before the request, so it may be the one the request started: the request is not sent again.`;
    };
}

;// CONCATENATED MODULE: ./src/apis/cloud-partner-portal/pre-check.ts
// What the real run reads before any Go Live request: the offer's submissions and its status, judged
// by decide() as the dry run judges them. A re-run of the same step converges: a live offer is
// reported, a running go-live followed, an offer never published refused, and only an offer that
// waits for sign-off is taken live.







const AS_WITHOUT = 'a go-live is started unless one runs, and the service refuses one that cannot start.';
/**
 * Whether the step goes on without a read that failed: only the service's own trouble (an error
 * answer, an answer it could not read) is passed over. A service that could not be reached at all
 * is not: every later request would go the same way, so the offer ends here, not started, with
 * what to check (unreachable.ts). Nor is a list past its allowance (list-budget.ts): it was read,
 * and what it holds (a go-live that failed last) may forbid the request, so the offer is refused.
 */
function goesOnWithout(error) {
    return isServiceUnavailable(error) && !(error instanceof UnreachableError) && !(error instanceof ListTooLargeError);
}
/**
 * The refusal of an offer whose submissions are listed past the allowance: the list, its limit, and
 * that nothing was sent (the listing may say a go-live runs or failed last; unknown is never ready).
 */
function tooLargeRefusal(subject, error) {
    return new ActionError(`${subjectLabel(subject)} cannot go live now, so no Go Live request was sent: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)} Without the list the action cannot tell whether a go-live of the offer runs or failed last.`, { cause: error, resumable: false });
}
/**
 * Only a read that is down or unreadable is passed over; a sign-in, permission or not-found problem
 * would fail the POST the same way, so it is reported now, and so is a list too large to read.
 */
async function listed(client, subject) {
    try {
        return await client.listSubmissions(subject);
    }
    catch (error) {
        if (error instanceof ListTooLargeError)
            throw tooLargeRefusal(subject, error);
        if (!goesOnWithout(error))
            throw error;
        log.warning(`Could not check for a running go-live (${messageOf(error)}); going on without the list (the service refuses a second go-live with HTTP 409).`);
        return undefined;
    }
}
/**
 * The offer status, or undefined when it cannot be read now. The submissions of the same offer were
 * just listed, so a 404 here says the service does not serve the status of this offer (older
 * clients never read it), not that the offer is missing: the step goes on as without it.
 */
async function pre_check_status(client, subject) {
    try {
        return await client.getOfferStatus(subject);
    }
    catch (error) {
        const notServed = error instanceof ServiceError && (error.status === 404 || error.status === 405);
        if (!goesOnWithout(error) && !notServed)
            throw error;
        log.warning(`Could not read the offer's status (${messageOf(error)}); going on without it: ${AS_WITHOUT}`);
        return undefined;
    }
}
/** `context`: the offer and the `retry-failed` input, as decide() takes them. Throws an UnreachableError when the service cannot be reached. */
async function preCheck(client, context) {
    const { subject } = context;
    const submissions = await listed(client, subject);
    // A go-live listed as running is followed whatever the status says (decide.ts): no need to read it.
    const listedOnly = decide(undefined, submissions, context);
    if (listedOnly.kind === 'follow')
        return { decision: listedOnly, listed: submissions };
    const offer = await pre_check_status(client, subject);
    if (!offer)
        return { decision: listedOnly, listed: submissions };
    const decision = decide(offer, submissions, context);
    // A state the action does not know is no reason to refuse: the service refuses what it must (409).
    // A go-live that failed last still is (decide() by the listing alone says so).
    if (decision.kind === 'unknown') {
        log.warning(`${decision.say} Going on without it: ${AS_WITHOUT}`);
        return { decision: listedOnly, status: offer, listed: submissions };
    }
    // Something runs, and whether it is a go-live cannot be told without the list: the 409 tells.
    if (decision.kind === 'blocked' && decision.offerStatus === 'running' && !submissions) {
        return { decision: decide(undefined, undefined, context), status: offer, listed: submissions };
    }
    return { decision, status: offer, listed: submissions };
}

;// CONCATENATED MODULE: ./src/apis/cloud-partner-portal/start-go-live.ts









/**
 * Claims the offer path for this offer of the step, before any request: a second offer of the step
 * on the same path is refused, naming the one that holds it (inputs refuse a repeated offer id
 * already; this holds whatever the inputs let through).
 */
function claimPath(subject, claims) {
    const key = `cpp:${subject.publisher}/${subject.offer}`.toLowerCase();
    const label = subjectLabel(subject);
    const holder = claims?.claim(key, label);
    if (holder !== undefined) {
        throw new ActionError(`${label} is not taken live here: ${holder} takes the same offer (${key}) live in this step already, and an offer goes live once per step.`);
    }
}
/** A go-live found before (or instead of) this run's request: one that was already running. */
function followingRunning(subject, location) {
    log.info(`A go-live of ${subjectLabel(subject)} is already running (submission ${location.id}): following it instead of starting another.`);
    return { location, how: 'attached' };
}
/** Live already: the status as the service sent it, and the go-live that took it live when listed. */
function liveAlready(client, subject, status, last) {
    const location = last ? client.submissionLocation(subject, last) : undefined;
    const which = location
        ? ` The last go-live: submission ${location.id}.`
        : last
            ? ` The last go-live is listed under an id the action does not accept ('${serviceText(last.id, 80)}').`
            : ' The service lists no go-live that took it live.';
    log.info(`${subjectLabel(subject)} is live already (offer status succeeded, no go-live running): nothing to take live, no Go Live request sent.${which}`);
    // The go-live that took it live last changed when it ended: a time for the summary's Ended.
    const operation = withGoLiveTimes(status, last?.changedTime);
    return location ? { location, how: 'live', operation } : { how: 'live', operation };
}
async function startGoLive(client, subject, options) {
    const { backoff, signal, deadline, progress } = options;
    const context = { subject, retryFailed: options.retryFailed };
    claimPath(subject, options.claims);
    // A re-run of the workflow must not start a second go-live, nor one that makes no sense: look first.
    const { decision, status, listed } = await preCheck(client, context);
    if (decision.kind === 'follow')
        return followingRunning(subject, locationOf(client, subject, decision.running));
    if (decision.kind === 'live' && status)
        return liveAlready(client, subject, status, decision.last);
    if (decision.kind === 'blocked') {
        const { say } = decision;
        throw new ActionError(`${subjectLabel(subject)} cannot go live now, so no Go Live request was sent: ${say.charAt(0).toLowerCase()}${say.slice(1)}`);
    }
    const label = subjectLabel(subject);
    // Sent on purpose once more (retry-failed): the log says which failure it follows.
    if (decision.kind === 'ready' && decision.retry) {
        log.info(`${label}: ${decision.say.charAt(0).toLowerCase()}${decision.say.slice(1)}.`);
    }
    const started = new StartedLook(client, context, listed);
    const { holdsResend } = started;
    const look = { label, where: "the offer's submissions", request: 'The Go Live request', backoff, signal, deadline, progress, holdsResend };
    log.info(`Sending the Go Live request for ${label}.`);
    const answer = await triggerGoLive(() => {
        started.sending();
        return client.requestGoLive(subject);
    }, started.find, look);
    if ('how' in answer)
        return answer;
    // 409: something runs on the offer. If it is a go-live, follow it; else say what blocks.
    const running = await findRunning(client, context);
    if (running)
        return followingRunning(subject, running);
    throw cppFailure('The Go Live request', answer.response, subject, 'Another operation that is not a go-live (a publish, for example) is running on the offer; wait for it to finish in Partner Center, then run the step again.');
}

;// CONCATENATED MODULE: ./src/apis/cloud-partner-portal/service.ts





/** The reference as this API's own; another API's is a fault of the action, never read. */
function own(ref) {
    if (isCppOperationRef(ref))
        return ref;
    throw new Error(`The CPP API cannot read a ${ref.kind} reference`);
}
function cppService(options) {
    const { subject, backoff, signal, deadline, progress, retryFailed, claims } = options;
    const client = new CppClient(options);
    return {
        start: () => startGoLive(client, subject, { backoff, signal, deadline, progress, retryFailed, claims }),
        readOperation: async (location) => client.readOperation(own(location), subject),
        // The descriptor refuses a location of another offer: a CPP location names its publisher and offer.
        checkGiven: () => Promise.resolve(),
        dryRun: () => dryRun(client, { subject, retryFailed }),
        // The offer status answers 404 for an offer (or publisher) it does not have.
        findOffer: () => knows(() => client.getOfferStatus(subject), [401, 403, 404])
    };
}

;// CONCATENATED MODULE: ./src/apis/cloud-partner-portal/descriptor.ts
// The Cloud Partner Portal API as the registry knows it: defaults, input rules, locations, service.




const RESOURCE = 'https://cloudpartner.azure.com';
const cloudPartnerPortal = {
    api: Apis.CloudPartnerPortal,
    displayName: 'CPP API',
    defaults: { baseUrl: 'https://cloudpartner.azure.com', version: '2017-10-31' },
    version: { query: VERSION_QUERY, pattern: VERSION_PATTERN },
    signIn: { scope: `${RESOURCE}/.default`, resource: RESOURCE, audiences: [RESOURCE, `${RESOURCE}/`] },
    // The publisher names every CPP path; the API lives at the root of its origin.
    inputs: { publisher: 'required', baseUrlPath: false },
    hints: { operationLocation: 'a path starting with /api/' },
    parseOperationLocation(raw, { subject, baseUrl, apiVersion }) {
        const location = canonicalOperationLocation(raw, baseUrl, apiVersion);
        // A CPP location names its offer: one of another offer is refused before anything is sent.
        if (!sameOffer(location, subject)) {
            throw new InputError(Inputs.OperationLocation, `belongs to ${location.publisher}/${location.offer}, not to ${subject.publisher}/${subject.offer} (inputs '${Inputs.Publisher}' and '${Inputs.Offer}')`);
        }
        return location;
    },
    createService: cppService
};

;// CONCATENATED MODULE: ./src/apis/product-ingestion/locations.ts


/**
 * Product and job ids are opaque: the service's are GUIDs, but Learn's own samples are not
 * (`12345678-abcd-efgh-1234-12345678901`). Letters, digits and inner '-' only: safe as a URL path
 * segment and in a shell.
 */
const RESOURCE_ID = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?$/;
/** The query parameter of the version; its values are a date, or one with a preview suffix (2022-03-01-preview2). */
const locations_VERSION_QUERY = '$version';
const locations_VERSION_PATTERN = /^\d{4}-\d{2}-\d{2}(-preview\d*)?$/;
const locations_VERSION = { name: locations_VERSION_QUERY, pattern: locations_VERSION_PATTERN, example: '2022-07-01' };
// Real submission numbers are 19-digit decimals past 2^53: opaque digit strings, never numbers.
const SUBMISSION_ID = /^submission\/([A-Za-z0-9-]{1,64})\/(\d{1,30})$/i;
/**
 * A submission id (`submission/<product guid>/<n>`), parsed into its parts as sent (the number stays
 * a string: Number() would round it); undefined when it is not one.
 */
function parseSubmissionId(id) {
    const match = SUBMISSION_ID.exec(id);
    if (!match || !RESOURCE_ID.test(match[1]))
        return undefined;
    return { productGuid: match[1], number: match[2] };
}
/**
 * Whether two ids name the same submission: the product id in any case, the number as a big integer
 * (`…/01152921515689848683` is `…/1152921515689848683`). An id that is not one names none.
 */
function sameSubmissionId(a, b) {
    const [x, y] = [parseSubmissionId(a), parseSubmissionId(b)];
    return !!x && !!y && x.productGuid.toLowerCase() === y.productGuid.toLowerCase() && BigInt(x.number) === BigInt(y.number);
}
function isProductIngestionRef(ref) {
    return ref.kind === 'job' || ref.kind === 'submission';
}
function on(base, path, version) {
    return new URL(`${base.origin}${base.pathname.replace(/\/$/, '')}${path}?${locations_VERSION_QUERY}=${version}`);
}
/** The URL of a request of the action's own, under the base URL. */
function locations_requestUrl(base, path, version, query = '') {
    const url = on(base, path, version);
    return query ? new URL(`${url.href}&${query}`) : url;
}
/**
 * Partner Center's overview page of a product, the page a person opens. Learn, "Link X++ modules
 * from independent software vendor (ISV) packages by using ISV Studio" (dynamics365/fin-ops-core/
 * dev-itpro/dev-tools/isv-studio-solutions): "open the Offer overview page for your product. From the
 * browser's URL bar, locate the product ID GUID": `https://partner.microsoft.com/en-us/dashboard/
 * commercial-marketplace/offers/<product-ID-GUID>/overview` (its Japanese copy without `/en-us`:
 * left out, Partner Center picks the reader's language). That GUID is the `product/<guid>` id this
 * API names. Only for an id that is a GUID: ids are opaque, Learn's own samples are no GUIDs, and
 * nothing else goes into a link.
 */
function partnerCenterPage(productGuid) {
    if (!GUID.test(productGuid))
        return undefined;
    return {
        text: 'Partner Center',
        url: `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${productGuid.toLowerCase()}/overview`
    };
}
/** A configure job; `productGuid`, when known (a job id names no product), links the product's page. */
function jobLocation(base, jobId, version, productGuid) {
    const ref = { kind: 'job', url: on(base, `/configure/${jobId}/status`, version), id: jobId };
    const page = productGuid === undefined ? undefined : partnerCenterPage(productGuid);
    return page ? { ...ref, page } : ref;
}
function submissionLocation(base, submissionId, version) {
    const parsed = parseSubmissionId(submissionId);
    if (!parsed)
        return undefined;
    const id = `submission/${parsed.productGuid}/${parsed.number}`;
    const ref = { kind: 'submission', url: on(base, `/${id}`, version), id };
    const page = partnerCenterPage(parsed.productGuid);
    return page ? { ...ref, page } : ref;
}
/**
 * Parses an operation location given as input (an earlier run's output: absolute, or a path on the
 * base URL's origin) and rebuilds it. Throws a LocationProblem saying what is wrong.
 */
function locations_canonicalOperationLocation(raw, base, version) {
    const url = parseLocationUrl(raw, base);
    const given = locationVersion(url, locations_VERSION, version);
    const prefix = base.pathname.replace(/\/$/, '');
    if (!url.pathname.startsWith(`${prefix}/`))
        throw new LocationProblem(`is not under ${prefix || '/'}`);
    const rest = url.pathname.slice(prefix.length);
    const job = /^\/configure\/([^/]+)\/status$/.exec(rest);
    if (job && RESOURCE_ID.test(job[1]))
        return jobLocation(base, job[1], given);
    const submission = submissionLocation(base, rest.slice(1), given);
    if (submission)
        return submission;
    throw new LocationProblem('is not a Product Ingestion job or submission path ({base}/configure/{job id}/status or {base}/submission/{product id}/{n})');
}

;// CONCATENATED MODULE: ./src/apis/product-ingestion/operations.ts
// Configure jobs and submissions as operations: the shape the wait loop and reporting understand.
//   job:        {jobId|jobID, jobStatus: notStarted|running|completed, jobResult: pending|succeeded|failed|cancelled,
//                jobStart, jobEnd ('0001-01-01T00:00:00' until it ends), errors: [{code, message, details: [...]}]}
//   submission: {id, target: {targetType}, status: notStarted|running|completed, result, created}







const operations_text = (value, max = 60) => typeof value === 'string' && value.trim() ? serviceText(value.slice(0, max * 4), max) : undefined;
const MAX_ERRORS = 100;
/** Nesting followed into `details`; an error nested deeper is reported where the walk stops. */
const MAX_DEPTH = 8;
/** Walks `errors[]` and every `details[]` below it (bounded), one entry per innermost error. */
function jobErrors(value) {
    const found = [];
    const walk = (items, codes, messages, resourceId, depth) => {
        if (!Array.isArray(items))
            return;
        for (const item of items.slice(0, MAX_ERRORS)) {
            if (found.length >= MAX_ERRORS || !isObject(item))
                continue;
            const here = [...codes, operations_text(item.code, 40) ?? 'error'];
            const said = [...messages, ...(operations_text(item.message, 300) ? [operations_text(item.message, 300)] : [])];
            const resource = operations_text(item.resourceId, 100) ?? resourceId;
            const deeper = depth < MAX_DEPTH && Array.isArray(item.details) && item.details.some(isObject);
            if (deeper)
                walk(item.details, here, said, resource, depth + 1);
            else
                found.push({ codes: here, message: said.join(': ') || here.join('/'), ...(resource ? { resourceId: resource } : {}) });
        }
    };
    walk(value, [], [], undefined, 0);
    return found;
}
/** A failed certification: an `invalidState` error that speaks of certification. Not worth a retry. */
function isCertificationFailure(errors) {
    return errors.some((e) => e.codes.includes('invalidState') && /certification/i.test(e.message));
}
const STILL_GOING = new Set(['notstarted', 'running']);
const RESULTS = { succeeded: 'succeeded', failed: 'failed', cancelled: 'canceled', canceled: 'canceled' };
/**
 * `jobStatus` with `jobResult` (or a submission's `status` with `result`) as one state. Completed is
 * success only with the result `succeeded`: with no result, or one the action does not know, it is
 * `unknown`, said in words, and never success. (The CPP API differs: there `completed` is success.)
 * A status nobody documented is still going, and the progress log says so once.
 */
function readingOf(what, rawStatus, rawResult) {
    const status = rawStatus?.toLowerCase();
    if (status !== 'completed')
        return { rawStatus, state: 'running', knownStatus: status !== undefined && STILL_GOING.has(status) };
    const state = rawResult === undefined ? undefined : ownEntry(RESULTS, rawResult.toLowerCase());
    if (state)
        return { rawStatus: rawResult, state, knownStatus: true };
    const unknownReason = rawResult
        ? `the ${what} completed with result '${rawResult}', which the action does not know`
        : `the ${what} completed with no result`;
    return { rawStatus: rawResult ?? rawStatus, state: 'unknown', knownStatus: true, unknownReason };
}
function operationOf(body, reading, messages, started, ended) {
    const operation = { ...reading, steps: [], messages, links: noLinks(), body };
    if (started)
        operation.started = started;
    if (ended && !ended.startsWith('0001-'))
        operation.ended = ended;
    return operation;
}
/** The job id of a configure answer (`jobId`, or `jobID` in newer samples), when it is a plain id (letters, digits, '-'). */
function jobIdOf(body) {
    if (!isObject(body))
        return undefined;
    const id = body.jobId ?? body.jobID ?? body.jobid;
    return typeof id === 'string' && RESOURCE_ID.test(id) ? id : undefined;
}
function parseJobStatus(json) {
    if (!isObject(json))
        throw new ShapeError('is not a JSON object');
    const errors = jobErrors(json.errors);
    const messages = errors.map((e) => ({ text: e.message, level: 'error' }));
    if (isCertificationFailure(errors)) {
        // Final: re-running takes the same preview live and fails the same way.
        messages.unshift({
            text: 'The preview failed certification: fix the issues Partner Center lists and publish a new preview; running the step again does not help',
            level: 'error'
        });
    }
    const reading = readingOf('job', operations_text(json.jobStatus), operations_text(json.jobResult, 40));
    return operationOf(json, reading, messages, operations_text(json.jobStart), operations_text(json.jobEnd));
}
/** A submission's target type (`live`, `preview`, `draft`), in lower case; undefined when it names none. */
function targetTypeOf(entry) {
    const target = isObject(entry.target) ? entry.target.targetType : undefined;
    return typeof target === 'string' ? target.toLowerCase() : undefined;
}
/** One submission: the entry itself, or `{value: [entry]}`. */
function parseSubmissionStatus(json) {
    const entry = isObject(json) && Array.isArray(json.value) ? json.value[0] : json;
    if (!isObject(entry))
        throw new ShapeError('is not a JSON object');
    return operationOf(entry, readingOf('submission', operations_text(entry.status), operations_text(entry.result, 40)), [], operations_text(entry.created));
}

;// CONCATENATED MODULE: ./src/apis/product-ingestion/followed.ts
// A status read is a result only when it is about what the action follows. A body that names another
// job, another submission or product, or lists other entries (a gateway's cache, a mixed-up answer)
// is refused: the read fails as an unexpected answer, which costs one poll, never decides the wait,
// and never becomes the `operation` output.






/** A value the service named, quoted for a message: one clean, short line. */
function quoted(value) {
    return typeof value === 'string' ? `'${serviceText(value.slice(0, 400), 100)}'` : `a ${value === null ? 'null' : typeof value}`;
}
/** Ids are compared as the strings they are; only the GUIDs in them are case-insensitive. */
const followed_same = (named, expected) => typeof named === 'string' && named.toLowerCase() === expected.toLowerCase();
/** Whether a field names something other than `expected`; a field left out or null names nothing. */
const other = (named, expected) => named !== undefined && named !== null && !followed_same(named, expected);
/** Reads a job status, refused when it names another job than `jobId` (spelled jobId, jobID or jobid). */
function followedJobParser(jobId) {
    return (json) => {
        if (isObject(json)) {
            for (const key of ['jobId', 'jobID', 'jobid']) {
                if (other(json[key], jobId)) {
                    throw new ShapeError(`names another job (${quoted(json[key])}), not the job followed (${jobId}); it is not taken as its status`);
                }
            }
        }
        return parseJobStatus(json);
    };
}
/**
 * Reads a live submission (`submission/<product guid>/<n>`), bare or as the one entry of `value`,
 * refused when it names another submission or product, lists other entries, or is not the live one.
 */
function followedSubmissionParser(submissionId) {
    const product = `product/${submissionId.split('/')[1] ?? ''}`;
    const notIt = (why) => new ShapeError(`${why}, not the submission followed (${submissionId}); it is not taken as its status`);
    return (json) => {
        const list = isObject(json) && Array.isArray(json.value) ? json.value : undefined;
        if (list && list.length !== 1)
            throw notIt(`lists ${list.length} entries`);
        const entry = list ? list[0] : json;
        if (isObject(entry)) {
            const named = entry.id;
            if (named !== undefined && named !== null && !(typeof named === 'string' && sameSubmissionId(named, submissionId)))
                throw notIt(`names another submission (${quoted(entry.id)})`);
            if (other(entry.product, product))
                throw notIt(`names another product (${quoted(entry.product)})`);
            // The preview and the live submission share an id: only the live one is followed.
            const target = targetTypeOf(entry);
            if (target !== undefined && target !== 'live') {
                // Decided on the lower-case form; quoted as the service spelled it.
                const said = entry.target.targetType;
                throw new ShapeError(`is about a ${serviceText(said, 40)} submission, not the live one followed (${submissionId}); it is not taken as its status`);
            }
        }
        return parseSubmissionStatus(entry);
    };
}

;// CONCATENATED MODULE: ./src/apis/product-ingestion/listing.ts
// A product's submissions listing as decide() reads it: every entry of the product, those whose id
// the action can use and those it cannot. An entry with an unusable id is kept (never sent, never
// followed): dropping it would let an older preview look like the newest one (pia-api.md, "Ids are
// opaque strings").




function isUsable(entry) {
    return !('problem' in entry);
}
/** What an id that is not a string is, for a message. */
function kindOf(id) {
    if (Array.isArray(id))
        return 'an array';
    return typeof id === 'object' ? 'an object' : `a ${typeof id}`;
}
function shownId(id) {
    if (id === undefined || id === null)
        return 'none';
    if (typeof id === 'number')
        return 'a bare JSON number';
    return typeof id === 'string' ? `'${serviceText(id, 80)}'` : kindOf(id);
}
// The digits an id ends in, its white space aside (bounded: only to rank it).
const TRAILING_DIGITS = /^submission\/[^/]*\/(\d{1,100})$/i;
function idProblem(id) {
    if (id === undefined || id === null)
        return 'it has no id';
    // JSON.parse has rounded it already: the digits the service meant are gone.
    if (typeof id === 'number')
        return 'its id is a bare JSON number, not a string (digits past 2^53 are lost in reading)';
    if (typeof id !== 'string')
        return `its id is ${kindOf(id)}, not a string`;
    const trimmed = id.trim();
    if (trimmed !== id && parseSubmissionId(trimmed))
        return 'its id has white space around it';
    const digits = TRAILING_DIGITS.exec(trimmed)?.[1];
    if (digits && digits.length > 30)
        return `its id's number has ${digits.length} digits, more than the 30 the action takes`;
    return 'its id is not submission/<product id>/<digits>';
}
/** Which product an entry's `product` field names: this one, another, or none (not a string). */
function productSays(product, guid) {
    if (typeof product !== 'string')
        return 'none';
    return product.toLowerCase() === `product/${guid}` ? 'this' : 'other';
}
/** Which product the GUID inside an entry's id names (`submission/<guid>/…`, white space aside). */
function idSays(id, guid) {
    if (typeof id !== 'string' || !/^\s*submission\//i.test(id))
        return 'none';
    return id.trim().split('/')[1]?.toLowerCase() === guid ? 'this' : 'other';
}
/**
 * The listing's entries of the product `productGuid`. An entry is another product's (left out) when
 * its id or its `product` names another product and neither names this one. One that contradicts
 * itself (its id names one product, its `product` the other) may be this product's and cannot be
 * used: it is kept as unusable, never dropped (it may be the newest preview), never sent. A usable
 * id names the product itself; an entry naming no product is the product's. An entry that is not an
 * object says nothing (no target, no status) and is left out.
 */
function parseListing(list, productGuid) {
    const guid = productGuid.toLowerCase();
    return list.flatMap((s) => {
        if (!isObject(s))
            return [];
        const [byProduct, byId] = [productSays(s.product, guid), idSays(s.id, guid)];
        if (byProduct !== 'this' && byId !== 'this' && (byProduct === 'other' || byId === 'other'))
            return [];
        const targetType = targetTypeOf(s) ?? '';
        // Only a live entry keeps its body (the `operation` output of an offer live already): a listing's
        // other entries are reduced to the fields decide() reads as the page is read.
        const fields = targetType === 'live' ? { targetType, body: s } : { targetType };
        for (const key of ['status', 'result', 'created'])
            if (typeof s[key] === 'string')
                fields[key] = s[key];
        const digits = typeof s.id === 'string' ? TRAILING_DIGITS.exec(s.id.trim())?.[1] : undefined;
        const unusable = (problem) => [
            { ...fields, shown: shownId(s.id), problem, ...(digits ? { number: digits } : {}) }
        ];
        if (byProduct === 'other' && byId === 'this')
            return unusable('its id names this product but its product field names another');
        if (byProduct === 'this' && byId === 'other')
            return unusable('its id names another product but its product field names this one');
        const parsed = typeof s.id === 'string' ? parseSubmissionId(s.id) : undefined;
        // As sent, byte for byte: it goes back to the service in the configure body.
        if (parsed)
            return [{ ...fields, id: s.id, number: parsed.number }];
        return unusable(idProblem(s.id));
    });
}

;// CONCATENATED MODULE: ./src/apis/product-ingestion/pages.ts
// Lists of the Product Ingestion API come in pages: `{"value":[…],"@nextLink":"<absolute URL>"}`.
// A list is read whole (a running go-live may be on page 2), but the token goes to the base URL's
// origin only, a list has a bounded number of pages, and a link back to a page read is a loop.



const MAX_PAGES = 100;
const MAX_LINK_CHARS = 8 * 1024;
/** One page of a list; throws (with what it is not) when the answer is not one. */
function parseListPage(json, noun) {
    const page = json;
    if (!Array.isArray(page?.value))
        throw new ShapeError(`is not a list of ${noun}`);
    return { items: page.value, next: page['@nextLink'] };
}
/** The next page's URL, or undefined at the end of the list; throws when the link must not be followed. */
function nextPageUrl(link, rules) {
    if (link === undefined || link === null || link === '')
        return undefined;
    const refuse = (problem, clause = `the link to the next page (@nextLink) ${problem}`) => {
        throw new UnexpectedAnswerError(`${rules.what} failed: ${clause}. The action reads lists whole or not at all; run the step again later, and report it if it persists.`);
    };
    if (typeof link !== 'string' || !/^https?:\/\//i.test(link))
        return refuse('is not an absolute URL');
    if (link.length > MAX_LINK_CHARS)
        return refuse(`is longer than ${MAX_LINK_CHARS} characters`);
    let url;
    try {
        url = new URL(link);
    }
    catch {
        return refuse('is not an absolute URL');
    }
    if (url.username || url.password)
        return refuse('carries credentials');
    // The origin as the URL parser canonicalised it: safe to print.
    if (url.origin !== rules.base.origin)
        return refuse(`points to ${url.origin}, not to ${rules.base.origin}`);
    url.hash = '';
    // The version (`$version`) goes on every call; a link without it gets the action's.
    if (!url.searchParams.has(locations_VERSION_QUERY))
        url = new URL(`${url.href}${url.search ? '&' : '?'}${locations_VERSION_QUERY}=${rules.version}`);
    if (rules.seen.some((page) => page.href === url.href))
        return refuse('leads back to a page already read');
    if (rules.seen.length >= MAX_PAGES)
        return refuse('', `the list has more than ${MAX_PAGES} pages`);
    return url;
}

;// CONCATENATED MODULE: ./src/apis/product-ingestion/client.ts
// The Partner Center Product Ingestion API as the action uses it: the product, its submissions,
// the configure request that takes a preview live, and the job or submission to follow.









// Pinned: echoing the newer submission schema the service returns fails ("Required properties [sources]").
const CONFIGURE_SCHEMA = 'https://schema.mp.microsoft.com/schema/configure/2022-07-01';
const SUBMISSION_SCHEMA = 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2';
const CONFLICTS = [
    ['in-progress', /in progress submission already exists/i],
    ['not-latest', /not the latest/i]
];
const hints = {
    403: 'The identity is not allowed to act on this product: add the app registration to the Partner Center account (Account settings > User management > Microsoft Entra applications), with the Manager role.',
    404: 'Not found: check the offer id (the product external id shown in Partner Center).'
    // 401: the token source's advice (failure() below). 408, 429 and 5xx: the advice every API shares
    // (transientHint), which ServiceError adds itself.
};
// A job or submission the action follows was named by the service or an earlier run: a 404 says
// nothing about the offer id.
const NOT_FOUND = {
    job: 'The job was not found: the job id may be wrong or expired, or the service has not listed the new job yet.',
    submission: 'The submission was not found: its id may be wrong, or the service has not listed it yet.'
};
class ProductIngestionClient {
    /** The products found, by external id: a product once found is not looked up again. */
    products = new Map();
    options;
    api;
    constructor(options) {
        this.options = options;
        this.api = new ApiClient(options);
    }
    url(path, query = '') {
        return locations_requestUrl(this.options.baseUrl, path, this.options.apiVersion, query);
    }
    /** `notFound`: advice for a 404 that fits what was read, instead of the offer id's. */
    failure(what, response, notFound) {
        const hint = response.status === 401
            ? this.options.tokens.rejectionHint()
            : response.status === 404 && notFound
                ? notFound
                : hints[response.status];
        return new ServiceError(what, response, hint);
    }
    /**
     * Every entry of a list, page after page (see pages.ts for which links are followed), as `keep`
     * makes it (undefined: not kept), within the step's list budget (http/list-budget.ts): each page
     * is dropped as soon as `keep` has taken what the action uses of it.
     */
    readList(first, what, noun, keep) {
        const failure = (response) => this.failure(what, response);
        return this.api.readList(what, failure, async (page) => {
            const kept = [];
            const seen = [];
            for (let url = first; url;) {
                seen.push(url);
                const next = await page(url, (json) => {
                    const { items, next } = parseListPage(json, noun);
                    // One by one: a spread of a page's hundreds of thousands of entries would overflow the stack.
                    for (const item of items) {
                        const k = keep(item);
                        if (k !== undefined)
                            kept.push(k);
                    }
                    return next;
                });
                url = nextPageUrl(next, { base: this.options.baseUrl, version: this.options.apiVersion, what, seen });
            }
            return kept;
        });
    }
    /**
     * The product's durable id (without 'product/') for an external id, or undefined when none has it.
     * Throws before anything is sent when the lookup lists several products and cannot tell which.
     */
    async findProduct(externalId) {
        return (await this.lookUp(externalId))?.guid;
    }
    /**
     * The product whose identity names `externalId`, for `api: auto`: a lone product listed without an
     * identity (a lookup that ignored its filter) says nothing of the offer, so it is no answer here.
     */
    async findNamedProduct(externalId) {
        const found = await this.lookUp(externalId);
        return found?.named === 'this' ? found.guid : undefined;
    }
    /** Asked once per offer: `api: auto` looks the offer up before its go-live reads the same product. */
    async lookUp(externalId) {
        const known = this.products.get(externalId);
        if (known)
            return known;
        const what = `Looking up the product '${externalId}'`;
        const url = this.url('/product', `externalId=${encodeURIComponent(externalId)}`);
        const listed = await this.readList(url, what, 'products', (p) => listedProduct(p, externalId));
        const chosen = chooseProduct(listed, externalId, what);
        if (chosen)
            this.products.set(externalId, chosen);
        return chosen;
    }
    /**
     * Every entry of the product's submissions, those whose id the action cannot use included
     * (listing.ts), reduced to what decide() reads as each page is read.
     */
    async listSubmissions(productGuid) {
        const what = "Listing the product's submissions";
        return this.readList(this.url(`/submission/${productGuid}`), what, 'submissions', (item) => parseListing([item], productGuid)[0]);
    }
    /** POST /configure: take the preview submission `submissionId` live. Sent once; never retried blindly. */
    async requestGoLive(productGuid, submissionId) {
        const what = 'The go-live (configure) request';
        const body = {
            $schema: CONFIGURE_SCHEMA,
            resources: [{ $schema: SUBMISSION_SCHEMA, id: submissionId, product: `product/${productGuid}`, target: { targetType: 'live' } }]
        };
        const response = await this.api.send('POST', this.url('/configure'), 'trigger', what, (r) => this.failure(what, r), body);
        if (!isSuccess(response)) {
            const said = serviceDetail(response).message ?? '';
            const conflict = CONFLICTS.find(([, pattern]) => pattern.test(said))?.[0];
            if (conflict)
                return { kind: 'conflict', conflict, response };
            throw this.failure(what, response);
        }
        let json;
        try {
            json = JSON.parse(response.body);
        }
        catch {
            return { kind: 'unusable', status: response.status, problem: 'sent an answer that is not JSON' };
        }
        const jobId = jobIdOf(json);
        if (!jobId)
            return { kind: 'unusable', status: response.status, problem: "named no job (no jobId made of letters, digits and '-')" };
        const location = jobLocation(this.options.baseUrl, jobId, this.options.apiVersion, productGuid);
        return { kind: 'accepted', location, operation: parseJobStatus(json) };
    }
    /** The location of a listed submission, or undefined when its id is not one the action accepts. */
    submissionLocation(submissionId) {
        return submissionLocation(this.options.baseUrl, submissionId, this.options.apiVersion);
    }
    /**
     * Reads a job's status or a submission, by the reference's kind. A body about another job or
     * submission is an unexpected answer (a missed poll), never the one followed.
     */
    readOperation(location) {
        const { what, parse } = location.kind === 'job'
            ? { what: "Reading the go-live job's status", parse: followedJobParser(location.id) }
            : { what: 'Reading the live submission', parse: followedSubmissionParser(location.id) };
        return this.api.readOperation(location.url, what, parse, (response) => this.failure(what, response, NOT_FOUND[location.kind]));
    }
}
function listedProduct(p, externalId) {
    // Spelled `externalId` in most answers and `externalID` in Learn's product resource: both name it.
    const identity = p?.identity;
    const id = identity?.externalId ?? identity?.externalID ?? identity?.externalid;
    const named = typeof id !== 'string' ? 'none' : id.toLowerCase() === externalId.toLowerCase() ? 'this' : 'other';
    return { guid: productGuidOf(p), named };
}
/**
 * The one product a lookup listed for `externalId`: the one whose external id matches (any case), or
 * a lone product listed without one. Several matches, or several listed and none matching, are
 * ambiguous: the action refuses rather than guess which product goes live.
 */
function chooseProduct(listed, externalId, what) {
    const matches = listed.filter((p) => p.named === 'this');
    if (matches.length > 1 || (matches.length === 0 && listed.length > 1)) {
        const ids = listed.slice(0, 10).map(productName).join(', ') + (listed.length > 10 ? ', …' : '');
        const which = matches.length > 1
            ? `${matches.length} products have that external id (${matches.slice(0, 10).map(productName).join(', ')})`
            : `it listed ${listed.length} products and none has that external id (${ids})`;
        throw new ActionError(`The product lookup for '${externalId}' is ambiguous: ${which}. Nothing was sent: the action takes live only the one product with that external id. Check the offer id in Partner Center.`);
    }
    // One product with no identity at all is taken as the filter's answer; one naming another id never is.
    const product = matches[0] ?? (listed.length === 1 && listed[0]?.named === 'none' ? listed[0] : undefined);
    if (product === undefined)
        return undefined;
    if (!product.guid)
        throw new UnexpectedAnswerError(`${what} failed: the service named the product with an id that is not product/<id> (letters, digits and '-').`);
    return { guid: product.guid, named: product.named === 'this' ? 'this' : 'none' };
}
function productGuidOf(product) {
    const id = product?.id;
    const guid = typeof id === 'string' ? id.replace(/^product\//, '') : '';
    return RESOURCE_ID.test(guid) ? guid : undefined;
}
/** A listed product as a message names it: its validated id, never service text. */
function productName(product) {
    return product.guid ? `product/${product.guid}` : 'a product without a valid id';
}

;// CONCATENATED MODULE: ./src/apis/product-ingestion/submissions.ts


/**
 * -1 when `a` is the newer, 1 when `b` is, 0 when neither; undefined when they cannot be told apart
 * (an unusable id without digits and a `created` missing on one side). A missing `created` is
 * unknown, not old: the numbers decide then.
 */
function compareAge(a, b) {
    const [ta, tb] = [instantOf(a.created), instantOf(b.created)];
    if (ta !== undefined && tb !== undefined && ta !== tb)
        return ta > tb ? -1 : 1;
    if (a.number === undefined || b.number === undefined)
        return undefined;
    // Digits only (locations.ts, listing.ts), so BigInt() cannot throw.
    const [na, nb] = [BigInt(a.number), BigInt(b.number)];
    return na === nb ? 0 : na > nb ? -1 : 1;
}
/** Sort comparator of usable submissions (they always have a number), newest first. */
function submissions_newestFirst(a, b) {
    return compareAge(a, b) ?? 0;
}
/** Whether `a` may be newer than `b`: unless it is certainly older. An equal rank may be the same entry. */
function mayBeNewer(a, b) {
    return compareAge(a, b) !== 1;
}
/** Whether two listed submissions are one (see sameSubmissionId). */
function sameSubmission(a, b) {
    return sameSubmissionId(a.id, b.id);
}

;// CONCATENATED MODULE: ./src/apis/product-ingestion/decide.ts
// The one verdict on a product's submissions: what a go-live would do now. The dry run and the real
// run both decide with decide() and nothing else, so they cannot disagree (pia-api.md, "Submissions").
// It reads the whole listing, entries whose id the action cannot use included. The rules as a table
// (listing -> verdict): README.md in this folder.



const lower = (value) => value?.toLowerCase();
const decide_quoted = (value) => (value === undefined ? 'none' : `'${serviceText(value, 40)}'`);
const ended = (s) => lower(s.status) === 'completed';
// A submission's result is pending, succeeded or failed; a cancelled go-live is not re-sent either.
const FAILED = new Set(['failed', 'cancelled', 'canceled']);
const failed = (s) => FAILED.has(lower(s.result) ?? '');
const createdText = (s) => (s.created === undefined ? 'no created time' : `created ${serviceText(s.created, 40)}`);
/** An entry as messages name it: a usable id as validated; an unusable one by what its id is, and when. */
function named(s) {
    return isUsable(s) ? s.id : `id ${s.shown}, ${createdText(s)}`;
}
/** The newest of entries, as far as they can be told apart (those that cannot keep their order). */
function newestOf(entries) {
    return [...entries].sort((a, b) => compareAge(a, b) ?? 0)[0];
}
/** The preview entry a verdict is about: the newest one, or one that may be newer than the newest usable one. */
function whichPreview(entry, usable) {
    if (entry === usable || !usable || compareAge(entry, usable) === -1)
        return `The newest preview submission (${named(entry)})`;
    return `A preview submission that may be newer than ${usable.id} (${named(entry)})`;
}
/** A failed go-live of `preview` (`failure`: its live entry): blocked, or sent once more with retry-failed. */
function failedGoLive(preview, failure, options) {
    // `created` is when that submission was created, not when it failed: the listing gives no end time.
    const when = failure.created === undefined
        ? 'no created time listed'
        : `the submission was created ${serviceText(failure.created, 40)}; the listing gives no end time`;
    const entry = isUsable(failure) ? `${failure.id} (${when})` : `with id ${failure.shown} (${when})`;
    const outcome = `${ended(failure) ? 'completed with' : 'has no status, and'} result ${decide_quoted(failure.result)}`;
    if (options.retryFailed) {
        return {
            kind: 'ready',
            preview,
            retrying: failure,
            say: `The newest preview (${preview.id}) goes live once more on purpose: its go-live failed (live submission ${entry} ${outcome}), and retry-failed: true sends it once more`
        };
    }
    return {
        kind: 'live-failed',
        preview,
        failed: failure,
        say: `The go-live of the newest preview (${preview.id}) failed: its live submission ${entry} ${outcome}. A re-run does not send it again: fix the cause in Partner Center and publish a new preview, or set retry-failed: true to send it once more.`
    };
}
function decide_decide(listing, options = {}) {
    // A draft is never published nor in progress, whatever it says.
    const published = listing.filter((s) => s.targetType !== 'draft');
    const usable = published.filter(isUsable).sort(submissions_newestFirst);
    const unusable = published.filter((s) => !isUsable(s));
    const inProgress = (s) => s.status !== undefined && lower(s.status) !== 'completed';
    const running = usable.find((s) => inProgress(s) && s.targetType === 'live');
    if (running)
        return { kind: 'follow', running, say: `A go-live is already running (${running.id})` };
    // Something in progress that cannot be named could be a go-live: never read as "nothing runs".
    const unnamed = unusable.filter(inProgress);
    const unnamedLive = unnamed.find((s) => s.targetType === 'live');
    if (unnamedLive) {
        return {
            kind: 'running-unusable',
            running: unnamedLive,
            say: `A go-live is already running, listed under an id the action does not accept (${unnamedLive.shown}): the action cannot follow it and would start no other; follow it in Partner Center.`
        };
    }
    const unnamedBusy = unnamed[0];
    if (unnamedBusy) {
        return {
            kind: 'in-progress-unusable',
            busy: unnamedBusy,
            say: `Another submission is in progress (status ${decide_quoted(unnamedBusy.status)}, id ${unnamedBusy.shown}) under an id the action does not accept, so the action can neither follow it nor rule out that it is a go-live: wait for it to finish in Partner Center, then go live.`
        };
    }
    const busy = usable.find(inProgress);
    if (busy) {
        const target = busy.targetType ? serviceText(busy.targetType, 40) : 'an unknown target';
        return {
            kind: 'in-progress',
            busy,
            say: `Another submission is in progress (${busy.id}, to ${target}, ${serviceText(busy.status, 40)}): wait for it to finish in Partner Center, then go live.`
        };
    }
    // The newest preview, whatever its id: an unusable one that may be newer than the newest usable
    // one stands in its way (dropping it would take an older preview live).
    const preview = usable.find((s) => s.targetType === 'preview');
    const rival = newestOf(unusable.filter((s) => s.targetType === 'preview' && (!preview || mayBeNewer(s, preview))));
    const newest = rival ?? preview;
    if (!newest)
        return { kind: 'no-preview', say: 'There is no preview submission: publish to preview first, then go live.' };
    const which = whichPreview(newest, preview);
    const result = lower(newest.result);
    if (ended(newest) && result === 'failed') {
        return {
            kind: 'preview-failed',
            preview: newest,
            say: `${which} failed, so nothing goes live (an older preview is not taken live in its place): fix it in Partner Center and publish a new preview, then go live.`
        };
    }
    if (!ended(newest) || result !== 'succeeded') {
        return {
            kind: 'preview-unfinished',
            preview: newest,
            say: `${which} has not finished (status ${decide_quoted(newest.status)}, result ${decide_quoted(newest.result)}): wait until it succeeded in Partner Center, then go live.`
        };
    }
    if (rival || !preview) {
        const entry = rival ?? newest;
        return {
            kind: 'preview-unusable',
            preview: entry,
            say: `${which} cannot be taken live: ${entry.problem}. Nothing goes live (not an older preview either): fix it in Partner Center and publish a new preview, then run the step again.`
        };
    }
    // A live entry that may be the go-live of this preview (not older than it, nor than the newest
    // usable live entry) but has an unusable id: failed, it is a failed go-live; else unknown.
    const live = usable.find((s) => s.targetType === 'live');
    const liveRival = newestOf(unusable.filter((s) => s.targetType === 'live' && mayBeNewer(s, preview) && (!live || mayBeNewer(s, live))));
    if (liveRival) {
        if (failed(liveRival))
            return failedGoLive(preview, liveRival, options);
        const after = compareAge(liveRival, preview) === -1 ? 'newer than' : 'that may be newer than';
        return {
            kind: 'live-unusable',
            live: liveRival,
            say: `A live submission (${named(liveRival)}) ${after} the newest preview (${preview.id}) cannot be read: ${liveRival.problem}, so the action cannot tell whether live carries that preview: check it in Partner Center before going live again.`
        };
    }
    if (!live)
        return { kind: 'ready', preview, say: `The newest preview (${preview.id}) is ready to go live (nothing is live yet)` };
    // The same submission however its id is spelled: a GUID's case or a leading zero is no new preview.
    const same = sameSubmission(live, preview);
    // Live already only when the entry says it ended and succeeded, as the preview must (a result
    // without a status is read as still going: parseSubmissionStatus).
    if (same && ended(live) && lower(live.result) === 'succeeded') {
        return { kind: 'live', live, say: `Live already has the newest preview (${live.id}): publish a new preview to go live again.` };
    }
    // A go-live of this preview that failed (listed under its id, or created after it): never re-sent
    // on every run of a scheduled workflow; retry-failed sends it once more on purpose.
    if ((same || compareAge(live, preview) === -1) && failed(live))
        return failedGoLive(preview, live, options);
    // Unknown is never success, and never a reason to send the go-live a second time either.
    if (same) {
        const what = ended(live) ? 'completed with no result the action knows' : 'has no status the action knows';
        return {
            kind: 'live-unknown',
            live,
            say: `The go-live of the newest preview (${live.id}) ${what} (status ${decide_quoted(live.status)}, result ${decide_quoted(live.result)}): check it in Partner Center before going live again.`
        };
    }
    return { kind: 'ready', preview, say: `The newest preview (${preview.id}) is ready to go live (live has ${live.id})` };
}

;// CONCATENATED MODULE: ./src/apis/product-ingestion/start-go-live.ts
// Taking a product's preview live without ever starting two go-lives: a running one is followed,
// a live that already has the preview is reported, a product another offer of the step takes live
// is refused, and a configure request whose answer is lost is looked for in the submissions (running,
// or ended since) and sent once more only when a whole look found none (lost-answers.ts).










/** The product id of the offer, or an error that says where the offer may live instead. */
async function productOf(client, subject) {
    const guid = await client.findProduct(subject.offer);
    if (guid)
        return guid;
    throw new ActionError(`No product with the external id '${subject.offer}' was found through the Product Ingestion API. Check 'offer' (the offer id shown in Partner Center); an offer integrated before the move to Partner Center goes live through the Cloud Partner Portal API instead (api: cloud-partner-portal).`);
}
/**
 * The product the offer takes live, claimed for it in the step: a product another offer of the step
 * holds already (a lookup that ignored its filter names one product for both) is refused before any
 * request that could take it live. The dry run claims alike, so it refuses what the real run would.
 */
async function claimedProduct(client, subject, rules) {
    const guid = await productOf(client, subject);
    const label = subjectLabel(subject);
    const holder = rules.claims?.claim(`product/${guid}`, label);
    if (holder === undefined)
        return guid;
    throw new ActionError(`The product lookup for '${subject.offer}' named product/${guid}, the product of ${holder} in this step: a product is taken live once per step, so ${label} is refused. Check the offer ids.`);
}
function follow(client, submission) {
    const location = client.submissionLocation(submission.id);
    if (!location)
        throw new ActionError(`The service listed a submission with an id the action does not accept; follow it in Partner Center.`);
    return location;
}
function followRunning(client, subject, running) {
    log.info(`A go-live of ${subject.offer} is already running (${running.id}): following it instead of starting another.`);
    return follow(client, running);
}
/**
 * Something in progress the action cannot name: a go-live (target live) is a definite answer (it
 * runs, and no second one may start); anything else is an answer the action cannot read. Undefined
 * for any other decision.
 */
function unnamedInProgress(decision) {
    if (decision.kind === 'running-unusable') {
        return new ActionError(`A go-live of the product is already running, but the service lists it under an id the action does not accept (${decision.running.shown}), so it cannot be followed. No second go-live was started; follow it in Partner Center.`);
    }
    if (decision.kind !== 'in-progress-unusable')
        return undefined;
    const { busy } = decision;
    return new UnexpectedAnswerError(`Listing the product's submissions failed: it lists a submission in progress (status '${serviceText(busy.status, 40)}', id ${busy.shown}) without an id the action accepts (submission/<product id>/<digits>), so the action can neither follow it nor rule out that it is a go-live. Wait for it to finish in Partner Center, then run the step again.`);
}
/**
 * The go-live a request that got no clear answer may have started, as the listing shows it. Other
 * previews are left out (a publish is no go-live, and a newer one published meanwhile must not hide
 * the go-live of the preview sent behind its verdict), so the verdict is about `sent` and the live
 * entries. Only `ready` (live has an older preview or nothing) or a publish of `sent` in progress
 * is "none started" (undefined). A go-live running, or ended already since the look before sending
 * (the preview live now, its result unknown, or a failure that is not `known`, the failure seen
 * before sending with retry-failed), is followed (its read says how it ended), never sent again.
 * Anything else may be a go-live the action cannot follow: the offer ends in the verdict's words.
 */
async function findStarted(client, productGuid, sent, known) {
    const listing = await client.listSubmissions(productGuid);
    const decision = decide_decide(listing.filter((s) => s.targetType !== 'preview' || (isUsable(s) && sameSubmission(s, sent))));
    const unnamed = unnamedInProgress(decision);
    if (unnamed)
        throw unnamed;
    switch (decision.kind) {
        case 'ready':
            return undefined;
        case 'follow':
            return follow(client, decision.running);
        case 'live':
        case 'live-unknown':
            return follow(client, decision.live);
        case 'in-progress':
            // A publish of the preview sent is no go-live; an entry of another or no target may be one.
            if (decision.busy.targetType === 'preview')
                return undefined;
            throw new ActionError(`A submission in progress whose target is not a preview (${decision.busy.id}, to ${decision.busy.targetType ? serviceText(decision.busy.targetType, 40) : 'an unknown target'}, ${serviceText(decision.busy.status, 40)}) may be the go-live this request started: it is not sent again. Wait for it to finish in Partner Center, then run the step again.`);
        case 'live-failed':
            if (known && JSON.stringify(known.body) === JSON.stringify(decision.failed.body))
                return undefined;
            if (isUsable(decision.failed))
                return follow(client, decision.failed);
            // A failed go-live listed under an id the action cannot follow: said as it is, never sent again.
            throw new ActionError(decision.say);
        case 'live-unusable':
            // A go-live that cannot be read: never "none started".
            throw new ActionError(decision.say);
        default:
            // The preview sent is no longer listed as it was: whether live has it is unknown.
            throw new ActionError(`The preview sent (${sent.id}) is no longer listed as a succeeded preview, so whether its go-live started is unknown; it is not sent again. ${decision.say}`);
    }
}
async function start_go_live_startGoLive(client, subject, options, rules = {}) {
    const { backoff, signal, deadline, progress } = options;
    const productGuid = await claimedProduct(client, subject, rules);
    const look = {
        label: subject.offer,
        where: "the product's submissions",
        request: 'The go-live request',
        backoff,
        signal,
        deadline,
        progress
    };
    // A re-run must not start a second go-live: look before sending the request. The dry run decides alike.
    const decision = decide_decide(await client.listSubmissions(productGuid), rules);
    if (decision.kind === 'follow')
        return { location: followRunning(client, subject, decision.running), how: 'attached' };
    if (decision.kind === 'live') {
        log.info(`${subject.offer} is live already with its newest preview (${decision.live.id}): nothing to take live, no request sent.`);
        // The entry as the service sent it, not one the action assembles.
        return { location: follow(client, decision.live), how: 'live', operation: parseSubmissionStatus(decision.live.body ?? {}) };
    }
    const unnamed = unnamedInProgress(decision);
    if (unnamed)
        throw unnamed;
    if (decision.kind !== 'ready') {
        throw new ActionError(`${subject.offer} cannot go live now: ${decision.say.charAt(0).toLowerCase()}${decision.say.slice(1)}`);
    }
    if (decision.retrying)
        log.info(`${decision.say}.`);
    const find = () => findStarted(client, productGuid, decision.preview, decision.retrying);
    log.info(`Sending the go-live request for ${subject.offer}: taking ${decision.preview.id} live.`);
    const preview = decision.preview.id;
    const answer = await triggerGoLive(() => client.requestGoLive(productGuid, preview), find, look);
    if ('how' in answer)
        return answer;
    if (answer.conflict === 'not-latest') {
        throw new ActionError(`The go-live request was refused: a newer preview of ${subject.offer} was published meanwhile ("The submission cannot be pushed to as its not the latest"). Re-run the step to take that newer preview live.`);
    }
    // 'in-progress': something started meanwhile. If it is a go-live, follow it; else say what runs.
    const meanwhile = decide_decide(await client.listSubmissions(productGuid));
    if (meanwhile.kind === 'follow')
        return { location: followRunning(client, subject, meanwhile.running), how: 'attached' };
    throw (unnamedInProgress(meanwhile) ??
        new ActionError(`The go-live request was refused: a submission of ${subject.offer} is already in progress ("An In Progress submission already exists"). Wait for it to finish in Partner Center, then run the step again.`));
}

;// CONCATENATED MODULE: ./src/apis/product-ingestion/dry-run.ts


async function dry_run_dryRun(client, subject, rules = {}) {
    return dry_run_reportOf(decide_decide(await client.listSubmissions(await claimedProduct(client, subject, rules)), rules));
}
function dry_run_reportOf(decision) {
    const { say } = decision;
    switch (decision.kind) {
        case 'follow':
            return { offerStatus: 'running', verdict: 'blocked', message: `${say}: the action would follow it instead of starting another.` };
        // The real run refuses these; a dry run reports the offer blocked and passes.
        case 'running-unusable':
        case 'in-progress-unusable':
        case 'in-progress':
            return { offerStatus: 'running', verdict: 'blocked', message: say };
        case 'no-preview':
            return { offerStatus: 'neverPublished', verdict: 'blocked', message: say };
        case 'preview-failed':
        case 'live-failed':
            return { offerStatus: 'failed', verdict: 'blocked', message: say };
        case 'preview-unfinished':
        case 'preview-unusable':
        case 'live-unusable':
        case 'live-unknown':
            return { offerStatus: 'unknown', verdict: 'blocked', message: say };
        case 'live':
            return { offerStatus: 'succeeded', verdict: 'live', message: say };
        case 'ready':
            // Sent once more on purpose (retry-failed): the offer's last go-live failed.
            return {
                offerStatus: decision.retrying ? 'failed' : 'waitingForPublisherReview',
                verdict: 'ready',
                message: `${say}: a go-live would start now.`
            };
    }
}

;// CONCATENATED MODULE: ./src/apis/product-ingestion/service.ts
// The Partner Center Product Ingestion API behind the go-live service interface.










/** Microsoft asks clients to read a job's status at most once a minute. */
const SLOWEST_POLL_ASKED_MS = 60_000;
/** The reference as this API's own; another API's is a fault of the action, never read. */
function service_own(ref) {
    if (isProductIngestionRef(ref))
        return ref;
    throw new Error(`The Product Ingestion API cannot read a ${ref.kind} reference`);
}
/**
 * A submission location names its product: one of another product is refused before any read. A
 * job id names no product, so a job location cannot be tied to the offer (README says so).
 */
async function checkGiven(client, subject, location) {
    if (location.kind === 'job')
        return;
    // `submission/<product guid>/<n>`, rebuilt from validated parts (locations.ts).
    const named = location.id.split('/')[1] ?? '';
    const guid = await productOf(client, subject);
    if (named.toLowerCase() === guid.toLowerCase())
        return;
    throw new InputError(Inputs.OperationLocation, `names a submission of product ${named}, but offer '${subject.offer}' is product ${guid}: pass the operation-location of this offer's go-live, or set 'offer' to the offer it belongs to`);
}
function productIngestionService(options) {
    const { subject, baseUrl, backoff, signal, deadline, progress } = options;
    const client = new ProductIngestionClient(options);
    const interval = options.pollIntervalMs;
    if (interval !== undefined && interval < SLOWEST_POLL_ASKED_MS && !isLoopbackHost(baseUrl.hostname)) {
        log.warning(`poll-interval is ${formatDuration(interval)}: Microsoft asks Product Ingestion API clients to read a job's status at most once a minute. Use poll-interval: 60s or more.`);
    }
    const rules = { retryFailed: options.retryFailed, claims: options.claims };
    return {
        start: () => start_go_live_startGoLive(client, subject, { backoff, signal, deadline, progress }, rules),
        readOperation: async (location) => client.readOperation(service_own(location)),
        checkGiven: async (location) => checkGiven(client, subject, service_own(location)),
        dryRun: () => dry_run_dryRun(client, subject, rules),
        // Known only by a product whose identity names the offer: a lone product listed without one is
        // what a lookup that ignored its filter returns, and it is no product the user named.
        findOffer: () => knows(async () => (await client.findNamedProduct(subject.offer)) !== undefined)
    };
}

;// CONCATENATED MODULE: ./src/apis/product-ingestion/descriptor.ts
// The Product Ingestion API as the registry knows it: defaults, input rules, locations, service.



const descriptor_RESOURCE = 'https://graph.microsoft.com';
const productIngestion = {
    api: Apis.ProductIngestion,
    displayName: 'Product Ingestion API',
    defaults: { baseUrl: 'https://graph.microsoft.com/rp/product-ingestion', version: '2022-07-01' },
    version: { query: locations_VERSION_QUERY, pattern: locations_VERSION_PATTERN },
    // Microsoft Graph's app id is an audience of its tokens too.
    signIn: {
        scope: `${descriptor_RESOURCE}/.default`,
        resource: descriptor_RESOURCE,
        audiences: [descriptor_RESOURCE, `${descriptor_RESOURCE}/`, '00000003-0000-0000-c000-000000000000']
    },
    // The product is found by the offer id alone; the API lives under a path of its origin.
    inputs: { publisher: 'optional', baseUrlPath: true },
    hints: { operationLocation: 'a job status or submission URL under base-url' },
    // A job location names no product: the service checks a submission's against the offer (checkGiven).
    parseOperationLocation: (raw, { baseUrl, apiVersion }) => locations_canonicalOperationLocation(raw, baseUrl, apiVersion),
    createService: productIngestionService
};

;// CONCATENATED MODULE: ./src/apis/registry.ts


const DESCRIPTORS = {
    'cloud-partner-portal': cloudPartnerPortal,
    'product-ingestion': productIngestion
};
function apiDescriptor(api) {
    return DESCRIPTORS[api];
}
/** Every API, in the order the `api` input lists them. */
function allApis() {
    return Object.values(DESCRIPTORS);
}
/**
 * The API a `token` goes to with `api: auto` when its audience cannot be read (not a JWT): the CPP
 * API, the one every such token went to before there was a choice.
 */
function apiWithoutAudience() {
    return DESCRIPTORS['cloud-partner-portal'];
}
/**
 * The order `api: auto` looks an offer up in with a sign-in: Product Ingestion first (newer offers
 * live only there), then the Cloud Partner Portal API.
 */
function lookupOrder() {
    return [DESCRIPTORS['product-ingestion'], DESCRIPTORS['cloud-partner-portal']];
}

;// CONCATENATED MODULE: ./src/auth/jwt.ts
// Reads a JWT's claims without verifying it: only to explain things (expiry, OIDC subject).

function decodeJwtClaims(token) {
    const parts = token.split('.');
    if (parts.length !== 3 || !parts[1])
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        return isObject(claims) ? claims : undefined;
    }
    catch {
        return undefined;
    }
}
/** When the token expires, if it says. */
function jwtExpiry(token) {
    const exp = decodeJwtClaims(token)?.exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? new Date(exp * 1_000) : undefined;
}

;// CONCATENATED MODULE: ./src/inputs.ts











// Upper bounds: each below the timer range (2^31-1 ms, about 24.8 days), past which Node fires a
// timer after 1 ms, and each a sensible limit for what it measures.
/**
 * Below GitHub's 6h limit for a hosted job (its set-up included), so the action's own "timed out,
 * follow it with ..." comes before the runner kills the job.
 */
const DEFAULT_TIMEOUT = '5h';
const MAX_TIMEOUT = { ms: 5 * 86_400_000, text: '5d', why: 'the longest a job can run, on a self-hosted runner' };
const MAX_POLL_INTERVAL = { ms: 86_400_000, text: '1d', why: 'check later from a scheduled workflow for rarer reads' };
const MAX_REQUEST_TIMEOUT = { ms: 10 * 60_000, text: '10m', why: 'one request; retries follow' };
/** The most offers one step takes live: a large release, with its summary and `results` well within GitHub's limits. */
const MAX_OFFERS = 256;
const MAX_PARALLEL = { max: 32, fallback: '4' };
/** Reads every input once, validates it, and returns the typed configuration. Sends nothing. */
function getConfig() {
    // First: it masks the secrets before anything else can fail and print.
    const auth = readAuthConfig();
    const input = apiInput();
    const api = input === API_AUTO && auth.kind === 'token' ? apiByAudience(auth.token) : input;
    // Required by the CPP API; with `auto` and a sign-in, it lets the CPP API be asked too.
    const publisher = api !== API_AUTO && api.inputs.publisher === 'required'
        ? identifier(Inputs.Publisher)
        : getInput(Inputs.Publisher)
            ? identifier(Inputs.Publisher)
            : '';
    const offers = offerList();
    const location = getInput(Inputs.OperationLocation);
    if (location && offers.length > 1) {
        throw new InputError(Inputs.OperationLocation, `names the go-live of one offer, so it cannot be given with several offers (${offers.length}): to check on their go-lives, run the step again with the same offers instead, which follows each go-live still running and starts none twice`);
    }
    const config = {
        api: input === API_AUTO ? API_AUTO : input.api,
        targets: [],
        publisher,
        offers,
        maxParallel: maxParallel(),
        auth,
        wait: inputs_boolean(Inputs.Wait, false),
        timeoutMs: duration(Inputs.Timeout, DEFAULT_TIMEOUT, MAX_TIMEOUT),
        pollIntervalMs: duration(Inputs.PollInterval, '60s', MAX_POLL_INTERVAL),
        requestTimeoutMs: duration(Inputs.RequestTimeout, '30s', MAX_REQUEST_TIMEOUT),
        dryRun: inputs_boolean(Inputs.DryRun, false),
        retryFailed: inputs_boolean(Inputs.RetryFailed, false)
    };
    if (api !== API_AUTO) {
        // One API, named or chosen by the token: its rules for publisher, base-url and api-version.
        const target = targetOf(api, getInput(Inputs.BaseUrl), getInput(Inputs.ApiVersion));
        config.targets = [target];
        if (location)
            config.operationLocation = parseOperationLocation(location, target, { publisher: config.publisher, offer: offers[0] });
        return config;
    }
    // A sign-in that may ask both APIs: each at its own origin and version, looked up in turn.
    for (const name of [Inputs.BaseUrl, Inputs.ApiVersion]) {
        if (getInput(name)) {
            throw new InputError(name, `belongs to one API, and with 'api: auto' and a sign-in the action may ask both: set 'api' to ${allApis()
                .map((a) => `'${a.api}'`)
                .join(' or ')} to use it (or give a 'token', whose audience chooses the API)`);
        }
    }
    // The CPP API names the publisher in every path: without one, only Product Ingestion is asked.
    config.targets = lookupOrder()
        .filter((descriptor) => config.publisher !== '' || descriptor.inputs.publisher === 'optional')
        .map((descriptor) => targetOf(descriptor, '', ''));
    if (location) {
        // The location's own form names its API: the one whose parser takes it.
        const subject = { publisher: config.publisher, offer: offers[0] };
        const { target, ref } = locationOfAnyApi(location, config.targets, subject);
        config.targets = [target];
        config.operationLocation = ref;
    }
    return config;
}
/** The `api` input: an API's descriptor, or `auto` (the default). */
function apiInput() {
    const value = getInput(Inputs.Api) || API_AUTO;
    if (value === API_AUTO)
        return API_AUTO;
    const apis = allApis();
    const api = apis.find((a) => a.api === value);
    if (!api)
        throw new InputError(Inputs.Api, `must be '${API_AUTO}', ${apis.map((a) => `'${a.api}'`).join(' or ')}; got '${value}'`);
    return api;
}
/**
 * The API a token is for, by its audience (`aud`): Microsoft Graph's is Product Ingestion, the CPP
 * resource's is the CPP API. Another audience is refused, naming it; a token whose audience cannot be
 * read (not a JWT) goes to the CPP API, as before there was a choice, with a notice.
 */
function apiByAudience(token) {
    const claim = decodeJwtClaims(token)?.aud;
    const aud = Array.isArray(claim) ? claim[0] : claim;
    const apis = allApis();
    if (typeof aud !== 'string') {
        const fallback = apiWithoutAudience();
        log.notice(`The 'token' input is not a token whose audience can be read, so 'api: auto' cannot tell which API it is for: going through the ${fallback.displayName} (${fallback.api}). Set 'api' to choose.`);
        return fallback;
    }
    const api = apis.find((a) => a.signIn.audiences.includes(aud));
    if (api) {
        // A known audience (one of the API's own strings): safe to name as it is.
        log.info(`api: auto: the token is for ${aud}, so the offers go live through the ${api.displayName} (api: ${api.api}).`);
        return api;
    }
    // The audience is a claim of the token, not the secret: a URI or an app id, cleaned before it is named.
    const wanted = apis.map((a) => `${a.signIn.resource} (${a.api})`).join(' or ');
    throw new InputError(Inputs.Token, `is for '${serviceText(aud, 100)}', which neither API takes: get a token for ${wanted}, or sign in with 'client-id' and 'tenant-id'`);
}
/** An API with its base URL and version: the inputs' when given, else the API's defaults. */
function targetOf(descriptor, baseUrlInput, versionInput) {
    const { defaults } = descriptor;
    const baseUrl = parseBaseUrl(baseUrlInput || defaults.baseUrl, descriptor.inputs.baseUrlPath, defaults.baseUrl);
    const apiVersion = versionInput || defaults.version;
    if (!descriptor.version.pattern.test(apiVersion)) {
        throw new InputError(Inputs.ApiVersion, `must be a date such as ${defaults.version}; got '${apiVersion}'`);
    }
    return { descriptor, baseUrl, apiVersion };
}
/** An operation location given with `api: auto` and a sign-in: the one API whose form it has. */
function locationOfAnyApi(raw, targets, subject) {
    const problems = [];
    for (const target of targets) {
        try {
            const settings = { subject, baseUrl: target.baseUrl, apiVersion: target.apiVersion };
            return { target, ref: target.descriptor.parseOperationLocation(raw, settings) };
        }
        catch (error) {
            // A location of another offer is refused as it is; a form this API does not have is tried on the next.
            if (!(error instanceof LocationProblem))
                throw error;
            problems.push(`${target.descriptor.api}: it ${error.message}`);
        }
    }
    throw new InputError(Inputs.OperationLocation, `is not an operation location of either API (${problems.join('; ')}): it must be the operation-location output of an earlier run, ${targets.map((t) => t.descriptor.hints.operationLocation).join(', or ')}; got '${raw}'`);
}
function identifier(name) {
    const value = getInput(name);
    if (!value)
        throw new InputError(name, 'is required');
    checkIdentifier(name, value, '');
    return value;
}
/** `which`: where the value stands in a list (' (offer 2 of 3)'), or ''. */
function checkIdentifier(name, value, which) {
    if (!isIdentifier(value)) {
        throw new InputError(name, `must be a plain identifier (letters, digits, '-', '_' or '.', at most 128 characters, no '/', '..', spaces or query characters); got '${value}'${which}`);
    }
}
/** One offer id, or several: one per line and/or separated by commas; blanks are ignored. */
function offerList() {
    const raw = getInput(Inputs.Offer);
    const offers = raw
        .split(/[\r\n,]/)
        .map((value) => value.trim())
        .filter((value) => value !== '');
    if (offers.length === 0)
        throw new InputError(Inputs.Offer, 'is required: one offer id, or several, one per line or separated by commas');
    if (offers.length > MAX_OFFERS) {
        throw new InputError(Inputs.Offer, `takes at most ${MAX_OFFERS} offers in one step; got ${offers.length}: split them over several steps`);
    }
    // Ids are compared regardless of case: the services treat them so, and one offer must not go live twice.
    const seen = new Map();
    offers.forEach((offer, index) => {
        checkIdentifier(Inputs.Offer, offer, offers.length > 1 ? ` (offer ${index + 1} of ${offers.length})` : '');
        const first = seen.get(offer.toLowerCase());
        if (first !== undefined) {
            const as = first === offer ? '' : ` (as '${first}' too: ids are compared regardless of case)`;
            throw new InputError(Inputs.Offer, `names '${offer}' twice${as}: give each offer once`);
        }
        seen.set(offer.toLowerCase(), offer);
    });
    return offers;
}
function maxParallel() {
    const value = getInput(Inputs.MaxParallel) || MAX_PARALLEL.fallback;
    const n = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
    if (!(n >= 1 && n <= MAX_PARALLEL.max)) {
        throw new InputError(Inputs.MaxParallel, `must be a whole number from 1 to ${MAX_PARALLEL.max} (how many offers' Go Live requests may be under way at once); got '${value}'`);
    }
    return n;
}
function inputs_boolean(name, fallback) {
    const value = getInput(name);
    if (value === '')
        return fallback;
    if (/^true$/i.test(value))
        return true;
    if (/^false$/i.test(value))
        return false;
    throw new InputError(name, `must be 'true' or 'false'; got '${value}'`);
}
function duration(name, fallback, max) {
    const value = getInput(name) || fallback;
    const ms = parseDuration(value);
    if (ms === undefined || ms <= 0) {
        throw new InputError(name, `must be a positive duration such as 500ms, 30s, 15m, 6h, 2d or 1h30m (a bare number is seconds); got '${value}'`);
    }
    if (ms > max.ms)
        throw new InputError(name, `must be at most ${max.text} (${max.why}); got '${value}'`);
    return ms;
}
function parseBaseUrl(value, withPath, example) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new InputError(Inputs.BaseUrl, `must be an absolute URL such as ${example}; got '${value}'`);
    }
    const problem = baseUrlProblem(url, withPath);
    if (problem)
        throw new InputError(Inputs.BaseUrl, `${problem}; got '${value}'`);
    return new URL(withPath ? `${url.origin}${url.pathname.replace(/\/$/, '')}` : url.origin);
}
function parseOperationLocation(value, target, subject) {
    const { descriptor: api, baseUrl, apiVersion } = target;
    try {
        // The API's own parser: its forms, and (where the location names one) the same offer.
        return api.parseOperationLocation(value, { subject, baseUrl, apiVersion });
    }
    catch (error) {
        if (!(error instanceof LocationProblem))
            throw error;
        // The token goes to the base-url origin only: a location elsewhere is refused, not followed.
        const hint = error.message.startsWith('points to') ? ` (the token is only sent to input '${Inputs.BaseUrl}')` : '';
        throw new InputError(Inputs.OperationLocation, `${error.message}${hint}: it must be the operation-location output of an earlier run, an absolute URL or ${api.hints.operationLocation}; got '${value}'`);
    }
}

;// CONCATENATED MODULE: ./src/run/ending.ts
// What a failure leaves behind, decided by how far the offer got (its phase), never by searching a
// message: before anything was sent, nothing was; once the request may be on its way, the go-live
// may have started; once it is named, it goes on at the service and keeps its last known state (a
// location given as input that no read confirmed: unknown).




/** An error of the action itself (not an ActionError): its stack goes to the debug log, its words to the user. */
function faultText(error) {
    log.debug(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return `Unexpected error: ${messageOf(error)}.`;
}
/**
 * Nothing that starts the go-live went out, or (`refused`) the service answered it with a definite
 * no. A refusal says so in the service's words; anything else ends by saying nothing was sent.
 */
function notSentText(error, label, ending, refused) {
    const timeout = formatDuration(ending.timeoutMs);
    if (error instanceof DeadlineError) {
        return refused
            ? `The timeout (${timeout}) passed before the go-live of ${label} could be started (the service had refused its request: nothing started); run the step again to take it live.`
            : `The timeout (${timeout}) passed before the go-live of ${label} was started: nothing was sent; run the step again to take it live.`;
    }
    if (error instanceof CancelledError)
        return `${error.message}, before the go-live request of ${label} was sent: nothing was sent.`;
    if (error instanceof ActionError)
        return refused ? error.message : `${error.message} Nothing was sent.`;
    return `${faultText(error)} Nothing was sent.`;
}
/** The request went out (or may have) and no answer named a go-live: what to do first, then why. */
function mayHaveStartedText(error, label, ending, answered) {
    // The look's own words start with what to do.
    if (error instanceof OutcomeUnknownError)
        return error.message;
    const timeout = formatDuration(ending.timeoutMs);
    const why = error instanceof DeadlineError
        ? answered
            ? `The timeout (${timeout}) passed while the action looked for the go-live of ${label}, whose request got no clear answer.`
            : `The timeout (${timeout}) passed before the answer to the go-live request of ${label} was read.`
        : error instanceof CancelledError
            ? `${error.message} while the go-live request of ${label} was on its way.`
            : error instanceof ActionError
                ? error.message
                : `${faultText(error)} The go-live request of ${label} had been sent.`;
    // What to do first: `results` keeps the first 300 characters of it.
    return `${MAY_HAVE_STARTED} ${why}`;
}
/** The go-live is named and goes on at the service: the step stopped following it. */
function brokeOff(error) {
    if (error instanceof CancelledError)
        return { text: `${error.message}.`, goesOn: true };
    if (error instanceof ActionError)
        return { text: error.message, goesOn: error.resumable };
    return { text: faultText(error), goesOn: true };
}
/** The outcome a failure leaves, from the outcome it interrupted. */
function endedBy(outcome, error, context) {
    const { label } = context;
    switch (outcome.phase) {
        case 'not sent':
        case 'checked': {
            const refused = outcome.phase === 'not sent' && outcome.refused === true;
            return { phase: 'not sent', refused, problem: { text: notSentText(error, label, context, refused), goesOn: false } };
        }
        case 'sending':
        case 'maybe started': {
            const text = mayHaveStartedText(error, label, context, outcome.phase === 'maybe started');
            return { phase: 'maybe started', problem: { text, goesOn: false } };
        }
        case 'started':
            // A location given as input that no read confirmed: whether it names a go-live is unknown.
            if (outcome.goLive.how === 'given' && !outcome.goLive.operation) {
                return { phase: 'finished', goLive: outcome.goLive, state: 'unknown', problem: brokeOff(error) };
            }
            // The last known state stays (`running`, `accepted`): the step only stopped following it.
            return { ...outcome, problem: brokeOff(error) };
        case 'finished':
            // Ended without success (conclude.ts says how), or a fault after it ended: the state stays.
            return { ...outcome, problem: { text: error instanceof ActionError ? error.message : faultText(error), goesOn: false } };
    }
}
/** A failure of the whole step (the inputs, the sign-in) in words: an ActionError as it is, a fault as one. */
function stepFailureText(error) {
    return error instanceof ActionError ? error.message : faultText(error);
}

;// CONCATENATED MODULE: ./src/wait/pacer.ts
// The fleet's status reads, spread over the poll interval. Each wait joins as a member and takes a
// turn before each of its reads. A member's turn is due an interval after its previous turn (at
// once for its first), or when it asks if later; due turns are granted first due, first served, at
// least interval / n apart, n counting the members and those that left within the last interval.
// So n waits make about n reads per interval, evenly spread, never a burst, and no member reads
// more than once per interval. Keeping a leaver's share for an interval is what bounds the wait:
// with the share given up at once, every member finishing made the turns still queued come later
// (the last of n queued waited about H(n) intervals); kept, a turn comes at most one interval after
// it is due, so a member that asks again within an interval (the paced wait loop) has its turns at
// most two intervals apart however many join or leave. Only the service's hold on the whole fleet
// (Retry-After) delays turns beyond that.


class Pacer {
    intervalMs;
    members = 0;
    /** When members left (epoch ms, oldest first), within the last interval. */
    left = [];
    /** The turns asked, in the order asked. */
    queue = [];
    /** When the last turn was granted (epoch ms). */
    last = -Infinity;
    timer;
    holdMs;
    /**
     * `intervalMs`: how often each member reads (the poll interval). `holdMs`: how long the service
     * asked every request to wait (the step's Throttle): no turn is granted meanwhile, so the reads
     * resume spaced when it ends instead of all at once.
     */
    constructor(intervalMs, holdMs = () => 0) {
        if (!Number.isFinite(intervalMs) || intervalMs < 0)
            throw new RangeError(`A pacer needs an interval of 0 ms or more, not ${intervalMs}`);
        this.intervalMs = intervalMs;
        this.holdMs = holdMs;
    }
    /** One more wait shares the interval (the turns come closer together at once). */
    join() {
        const member = { last: -Infinity, present: true, waiter: undefined };
        this.members++;
        this.schedule();
        return { turn: (signal) => this.ask(member, signal), leave: () => this.part(member) };
    }
    ask(member, signal) {
        return new Promise((resolve, reject) => {
            if (!member.present)
                return reject(new Error('A wait that left the pacer takes no turn.'));
            if (member.waiter)
                return reject(new Error('A wait takes one turn at a time.'));
            if (signal?.aborted)
                return reject(signal.reason);
            const onAbort = () => {
                this.drop(waiter);
                reject(signal?.reason);
                this.schedule();
            };
            const waiter = {
                member,
                asked: Date.now(),
                resolve,
                reject,
                forget: () => signal?.removeEventListener('abort', onAbort)
            };
            signal?.addEventListener('abort', onAbort, { once: true });
            member.waiter = waiter;
            this.queue.push(waiter);
            this.schedule();
        });
    }
    /** Leaving twice is leaving once; a turn still asked is refused. */
    part(member) {
        if (!member.present)
            return;
        member.present = false;
        this.members--;
        this.left.push(Date.now());
        const waiter = member.waiter;
        if (waiter) {
            this.drop(waiter);
            waiter.forget();
            waiter.reject(new Error('The wait left the pacer before its turn.'));
        }
        this.schedule();
    }
    drop(waiter) {
        const index = this.queue.indexOf(waiter);
        if (index >= 0)
            this.queue.splice(index, 1);
        waiter.member.waiter = undefined;
    }
    /** When a turn is due: when asked, and not before an interval after the member's previous turn. */
    dueOf(waiter) {
        return Math.max(waiter.asked, waiter.member.last + this.intervalMs);
    }
    /** The first due turn, the first asked among equals. */
    next() {
        let first;
        for (const waiter of this.queue)
            if (!first || this.dueOf(waiter) < this.dueOf(first))
                first = waiter;
        return first;
    }
    /**
     * The least time between two turns: the interval shared by the members and those that left
     * within the last interval (all of it with none), whose turns the ones queued may have waited on.
     */
    spacingMs(now) {
        while (this.left.length > 0 && this.left[0] <= now - this.intervalMs)
            this.left.shift();
        return this.intervalMs / Math.max(1, this.members + this.left.length);
    }
    /**
     * Grants every turn that is due, then sets one timer for the next (bounded to the timer range).
     * `planned`: when the timer that calls it was set to fire.
     */
    schedule(planned) {
        clearTimeout(this.timer);
        this.timer = undefined;
        for (let head = this.next(); head; head = this.next()) {
            const now = Date.now();
            const spacing = this.spacingMs(now);
            const hold = this.holdMs();
            const at = Math.max(this.dueOf(head), this.last + spacing, hold > 0 ? now + hold : -Infinity);
            if (now < at) {
                this.timer = setTimeout(() => this.schedule(at), Math.min(Math.ceil(at - now), MAX_TIMER_MS));
                return;
            }
            this.drop(head);
            // A timer fires on a whole millisecond, a little after the time it was set for: the next turn
            // is spaced from that time, or the rounding adds up over the fleet's turns (256 turns 7.8 ms
            // apart took 2040 ms instead of 2000). Any later lateness counts: never closer than a spacing
            // less a millisecond.
            this.last = planned === undefined ? now : Math.max(planned, now - 1);
            planned = undefined;
            head.member.last = now;
            head.forget();
            head.resolve();
        }
    }
}
/**
 * A turn of `member` that comes before `deadline` (epoch ms): false when the deadline comes first.
 * Rejects with the signal's reason when it aborts first (a DeadlineError also means false).
 */
async function turnBefore(member, deadline, signal) {
    const bounded = new AbortController();
    const follow = () => bounded.abort(signal?.reason);
    if (signal?.aborted)
        follow();
    signal?.addEventListener('abort', follow, { once: true });
    const timer = setTimeout(() => bounded.abort(new DeadlineError()), Math.max(0, Math.min(deadline - Date.now(), MAX_TIMER_MS)));
    try {
        await member.turn(bounded.signal);
        return true;
    }
    catch (error) {
        if (error instanceof DeadlineError)
            return false;
        throw error;
    }
    finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', follow);
    }
}

;// CONCATENATED MODULE: ./src/run/choose-api.ts


/** The offer's API and its service; the offer is told which. Looking up sends nothing that changes it. */
async function chooseApi(offer, session, targets) {
    const [only] = targets;
    if (only && targets.length === 1)
        return chosen(offer, only, await session.serviceFor(offer.subject, only, offer));
    const asked = [];
    for (const target of targets) {
        const service = await session.serviceFor(offer.subject, target, offer);
        if (await service.findOffer()) {
            const before = asked.length > 0 ? `: ${asked.join('; ')}` : '';
            log.info(`${offer.label} goes live through the ${target.descriptor.displayName} (api: ${target.descriptor.api})${before}.`);
            return chosen(offer, target, service);
        }
        asked.push(`the ${target.descriptor.displayName} does not know it`);
    }
    const withoutPublisher = offer.subject.publisher === '' ? "; the CPP API is asked only with 'publisher'" : '';
    throw new ActionError(`Neither API knows ${offer.label} (${asked.join('; ')}${withoutPublisher}), so it cannot go live: check 'offer' (and 'publisher'), and that the identity was added to the Partner Center account.`);
}
function chosen(offer, target, service) {
    offer.goesThrough(target.descriptor.api);
    return { target, service };
}

;// CONCATENATED MODULE: ./src/report/progress-log.ts
// Logs what changed between polls at info level; every poll's detail goes to debug. With several
// offers in one step, each line starts with the offer it is about. At a change of the status or of
// the current step, the line that says where the go-live is now ends with the step's times (elapsed,
// left before the timeout), as the heartbeat's lines do (run/heartbeat.ts).



/** A step as the log names it: `'Live' (inProgress, 5%, estimated ~2-5 days)`. */
function describeStep(step) {
    const parts = [step.rawStatus];
    if (step.progress !== undefined && step.progress > 0)
        parts.push(`${step.progress}%`);
    if (step.estimate)
        parts.push(`estimated ${step.estimate}`);
    return `'${step.name}' (${parts.join(', ')})`;
}
// A hostile or broken service can send thousands of steps and messages: the log shows a bounded
// number per poll, and remembers a bounded number of messages.
const MAX_LINES_PER_POLL = 20;
const MAX_REMEMBERED = 1_000;
class ProgressLog {
    /** What starts each line: `contoso/vm: `, or nothing. */
    prefix;
    polls = 0;
    lastStatus;
    lastCurrent;
    stepStatus = new Map();
    seenMessages = new Set();
    unknownStatuses = new Set();
    saidStart;
    saidEnd;
    times;
    /**
     * `prefix`: what starts each line (`contoso/vm: ` when the lines must name the offer), or nothing.
     * `times`: the step's times now (`12m elapsed, 4h 48m left before the timeout`), while it waits.
     */
    constructor(prefix = '', times = () => undefined) {
        this.prefix = prefix;
        this.times = times;
    }
    observe(operation) {
        const log = this.log;
        this.polls++;
        const current = currentStep(operation);
        log.debug(`Poll ${this.polls}: status ${operation.rawStatus ?? '(none)'}${current ? `, at step ${describeStep(current)}` : ''}`);
        const status = operation.rawStatus ?? '(none)';
        const stepChanged = current !== undefined && current.id !== this.lastCurrent;
        // Where the go-live is now, said once per change: on the step's line, else on the status line.
        const times = isTerminal(operation.state) ? undefined : this.times();
        const at = times ? `; ${times}` : '';
        if (status !== this.lastStatus) {
            log.info(`Operation status: ${this.lastStatus === undefined ? status : `${this.lastStatus} -> ${status}`}${stepChanged ? '' : at}`);
            this.lastStatus = status;
        }
        if (!operation.knownStatus && !this.unknownStatuses.has(status) && this.unknownStatuses.size < MAX_LINES_PER_POLL) {
            this.unknownStatuses.add(status);
            log.warning(`The service reported an operation status the action does not know ('${status}'); treating it as still running.`);
        }
        let changed = 0;
        for (const step of operation.steps.slice(0, MAX_REMEMBERED)) {
            const before = this.stepStatus.get(step.id);
            if (before === undefined && this.stepStatus.size >= MAX_REMEMBERED)
                continue;
            if (before !== undefined && before !== step.rawStatus && ++changed <= MAX_LINES_PER_POLL) {
                log.info(`Step '${step.name}': ${before} -> ${step.rawStatus}`);
            }
            this.stepStatus.set(step.id, step.rawStatus);
        }
        if (changed > MAX_LINES_PER_POLL)
            log.info(`…and ${changed - MAX_LINES_PER_POLL} more steps changed (see the operation output).`);
        if (current && stepChanged)
            log.info(`Now at step ${describeStep(current)}${at}`);
        this.lastCurrent = current?.id;
        // When it started and ended, as its API tells (a Product Ingestion job's own times, a CPP go-live's steps'): each said once.
        if (operation.started && !this.saidStart)
            log.info(`Started at ${(this.saidStart = operation.started)}`);
        if (operation.ended && !this.saidEnd)
            log.info(`Ended at ${(this.saidEnd = operation.ended)}`);
        this.logNewMessages(operation);
    }
    /** The log, each line prefixed with the label. */
    log = {
        info: (line) => log.info(this.prefix + line),
        debug: (line) => log.debug(this.prefix + line),
        warning: (line) => log.warning(this.prefix + line)
    };
    logNewMessages(operation) {
        const log = this.log;
        const all = [
            ...operation.messages.map((m) => ({ ...m, where: '' })),
            ...operation.steps.flatMap((s) => s.messages.map((m) => ({ ...m, where: `${s.name}: ` })))
        ];
        let shown = 0;
        for (const m of all) {
            const line = `${m.where}${m.text}`;
            if (this.seenMessages.has(line))
                continue;
            if (this.seenMessages.size >= MAX_REMEMBERED || ++shown > MAX_LINES_PER_POLL)
                break;
            this.seenMessages.add(line);
            // Warnings while it runs: if the go-live fails, the step's error repeats the error messages.
            if (m.level === 'error')
                log.warning(`The service reported an error: ${line}`);
            else if (m.level === 'warning')
                log.warning(`${line}`);
            else
                log.info(`Message: ${line}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/run/outcome.ts
/** Every status, in the order the README lists them. */
const OFFER_STATUSES = (/* unused pure expression or super */ null && (['accepted', 'running', 'succeeded', 'failed', 'canceled', 'not started', 'unknown']));
/**
 * The one status of an outcome. A request that may have gone out and was never named is `unknown`
 * (a re-run finds it), never `not started`, which means nothing was sent (or it was refused).
 */
function statusOf(outcome) {
    switch (outcome.phase) {
        case 'not sent':
        case 'checked':
            return 'not started';
        case 'sending':
        case 'maybe started':
            return 'unknown';
        case 'started':
        case 'finished':
            return outcome.state;
    }
}
/** What ended the offer without success, if anything did. */
function problemOf(outcome) {
    return outcome.phase === 'sending' || outcome.phase === 'checked' ? undefined : outcome.problem;
}
/** The go-live the outcome names, if it names one. */
function goLiveOf(outcome) {
    return outcome.phase === 'started' || outcome.phase === 'finished' ? outcome.goLive : undefined;
}

;// CONCATENATED MODULE: ./src/run/heartbeat.ts
// While the step waits, a line at least every ten minutes: a go-live's Live step can take days
// without a change, and a silent log looks hung. The step owns one timer (unref'd, stopped when the
// offers end) and writes one line per tick for the whole step: with one offer, where it is; with
// several, how many are in each state. The progress lines at each change say the same times
// (progress-log.ts), so a change and the heartbeat read alike.






/** How often the heartbeat writes while the step waits. */
const HEARTBEAT_MS = 10 * 60_000;
/**
 * Test hook, not an input: the end-to-end tests shorten the heartbeat through this variable (whole
 * milliseconds, at most HEARTBEAT_MS); any other value is ignored. Workflows have no reason to set it.
 */
const HEARTBEAT_ENV = 'GO_LIVE_HEARTBEAT_MS';
/** The heartbeat's interval: HEARTBEAT_MS, or a shorter one the tests set through HEARTBEAT_ENV. */
function heartbeatMs(env = process.env) {
    const value = env[HEARTBEAT_ENV] ?? '';
    const ms = /^\d{1,9}$/.test(value) ? Number(value) : 0;
    return ms >= 1 && ms <= HEARTBEAT_MS ? ms : HEARTBEAT_MS;
}
/** The step's clock from its deadline and timeout (the deadline is the start plus the timeout). */
function stepClock(deadline, timeoutMs, now = Date.now()) {
    return { startedAt: Number.isFinite(deadline) ? deadline - timeoutMs : now, deadline };
}
/** `2h 10m elapsed, 2h 50m left before the timeout`. */
function stepTimes(clock, now = Date.now()) {
    const elapsed = `${formatDuration(now - clock.startedAt)} elapsed`;
    if (!Number.isFinite(clock.deadline))
        return elapsed;
    return `${elapsed}, ${formatDuration(Math.max(0, clock.deadline - now))} left before the timeout`;
}
/** A step name as a line quotes it: bounded (service text, cleaned when it was read). */
function stepName(name) {
    return name.length > 40 ? `${name.slice(0, 39)}…` : name;
}
/** Whether the step is waiting for this offer's go-live: named, not ended, and the wait not broken off. */
function waitedFor(outcome) {
    return outcome.phase === 'started' && outcome.problem === undefined;
}
/** Where one offer's go-live is: its current step and percentage, or its status. */
function whereItIs(outcome) {
    const operation = outcome.phase === 'started' || outcome.phase === 'finished' ? outcome.goLive.operation : undefined;
    if (!operation)
        return `${statusOf(outcome)}, no status read yet`;
    const current = currentStep(operation);
    const status = operation.rawStatus ?? '(none)';
    return current ? `${status}, at step ${describeStep(current)}` : `${status}, no current step`;
}
/** How the heartbeat names an offer's state: its status, or how far it is from being started. */
function heartbeat_stateOf(outcome) {
    if (outcome.phase === 'not sent' && outcome.problem === undefined)
        return 'to start';
    if (outcome.phase === 'sending' || (outcome.phase === 'maybe started' && outcome.problem === undefined))
        return 'starting';
    return statusOf(outcome);
}
/** The order of the counts: the waited-for first, the ended after. */
const ORDER = ['running', 'accepted', 'starting', 'to start', 'succeeded', 'failed', 'canceled', 'unknown', 'not started'];
/** Step groups named in a count: the largest few, then `…`. */
const MAX_GROUPS = 3;
/** The running offers by step: `2 at 'Live' 5–12%, 1 at 'Certification'`. */
function byStep(outcomes) {
    const groups = new Map();
    for (const outcome of outcomes) {
        const operation = outcome.phase === 'started' ? outcome.goLive.operation : undefined;
        const current = operation ? currentStep(operation) : undefined;
        if (!current)
            continue;
        const percents = groups.get(current.name) ?? [];
        percents.push(current.progress ?? 0);
        groups.set(current.name, percents);
    }
    const sorted = [...groups].sort((a, b) => b[1].length - a[1].length);
    const shown = sorted.slice(0, MAX_GROUPS).map(([name, percents]) => {
        const low = Math.min(...percents);
        const high = Math.max(...percents);
        const range = high === 0 ? '' : low === high ? ` ${high}%` : ` ${low}–${high}%`;
        return `${percents.length} at '${stepName(name)}'${range}`;
    });
    if (sorted.length > MAX_GROUPS)
        shown.push('…');
    return shown.length ? ` (${shown.join(', ')})` : '';
}
/** The heartbeat's line now, or undefined when no offer's go-live is waited for. */
function heartbeatLine(offers, clock, now = Date.now()) {
    const outcomes = offers.map((offer) => offer.outcome);
    if (!outcomes.some(waitedFor))
        return undefined;
    const times = stepTimes(clock, now);
    const [only] = offers;
    if (offers.length === 1 && only)
        return `Still waiting for the go-live of ${only.label}: ${whereItIs(only.outcome)}; ${times}.`;
    const counts = new Map();
    for (const outcome of outcomes) {
        const state = heartbeat_stateOf(outcome);
        const these = counts.get(state);
        if (these)
            these.push(outcome);
        else
            counts.set(state, [outcome]);
    }
    const parts = ORDER.filter((state) => counts.has(state)).map((state) => {
        const these = counts.get(state) ?? [];
        return `${these.length} ${state}${state === 'running' ? byStep(these) : ''}`;
    });
    return `Still waiting: ${parts.join(', ')}; ${times}.`;
}
/** The step's one heartbeat timer: a line every `intervalMs` while an offer is waited for. */
class Heartbeat {
    offers;
    clock;
    timer;
    constructor(offers, clock, intervalMs = heartbeatMs()) {
        this.offers = offers;
        this.clock = clock;
        // Unref'd: the heartbeat never keeps the process alive; the step stops it when its offers end.
        this.timer = setInterval(() => this.beat(), Math.max(1, Math.min(intervalMs, MAX_TIMER_MS))).unref();
    }
    stop() {
        clearInterval(this.timer);
    }
    beat() {
        try {
            const line = heartbeatLine(this.offers, this.clock);
            if (line)
                log.info(line);
        }
        catch (error) {
            // A fault here must not end the step from a timer: the next beat tries again.
            log.fault(error);
        }
    }
}

;// CONCATENATED MODULE: ./src/run/limit.ts
// At most `max` tasks at once, started in the order they were given: the fleet's go-live requests go
// a few at a time, never all at once. A task that fails frees its place as one that succeeds does.
/** Runs each task it is given when one of its `max` places is free, first given first started. */
function createLimiter(max) {
    if (!Number.isInteger(max) || max < 1)
        throw new RangeError(`A limiter needs a whole number of places, at least 1, not ${max}`);
    let running = 0;
    const waiting = [];
    // A freed place goes straight to the first in line, so a task given later cannot take it first.
    const release = () => {
        const next = waiting.shift();
        if (next)
            next();
        else
            running--;
    };
    return async (task) => {
        if (running < max)
            running++;
        else
            await new Promise((resolve) => waiting.push(resolve));
        try {
            return await task();
        }
        finally {
            release();
        }
    };
}

;// CONCATENATED MODULE: ./src/run/offer.ts




const VERBS = {
    started: 'Go-live started',
    attached: 'Following the running go-live',
    live: 'Nothing to take live',
    given: 'Checking the go-live'
};
class Offer {
    subject;
    /** The offer as messages name it. */
    label;
    /** What starts the offer's own lines: its label with several offers, nothing with one (outputs.ts decides). */
    prefix;
    current = { phase: 'not sent' };
    /** The API the offer goes live through, once chosen (`results` says which). */
    api;
    progress;
    onChange;
    /** `times`: the step's times while it waits (heartbeat.ts), for the progress lines at a change. */
    constructor(subject, prefix, onChange, times) {
        this.subject = subject;
        this.label = subjectLabel(subject);
        this.prefix = prefix;
        this.progress = new ProgressLog(prefix, times);
        this.onChange = onChange;
    }
    get outcome() {
        return this.current;
    }
    /** Its own lines, kept as written for its group at the step's end: with several offers (outputs.ts). */
    kept;
    /** Runs its part of the step (go-live or dry run) as its own: with `kept`, every line it writes is kept there too. */
    within(kept, part) {
        this.kept = kept;
        return kept ? log.within(kept, part) : part();
    }
    /** Whether a request of this step may have started the go-live unanswered: then it is never `not sent` again. */
    mayHaveGoneOut = false;
    // TriggerProgress: the request that starts the go-live, as it goes.
    sending = () => this.move({ phase: 'sending' }, true);
    maybeStarted = () => {
        this.mayHaveGoneOut = true;
        this.move({ phase: 'maybe started' }, true);
    };
    /**
     * A definite no to this request (`refused` when it was on its way; one that never began leaves
     * nothing sent). An earlier request that went out unanswered still may have started the go-live.
     */
    refused = () => {
        const onItsWay = this.current.phase === 'sending';
        this.move(this.mayHaveGoneOut ? { phase: 'maybe started' } : { phase: 'not sent', refused: onItsWay }, false);
    };
    /** Names the go-live at once, so that nothing (a cancellation, a failure) can lose it. */
    record(attached) {
        const { location, how, known } = attached;
        // The log line first: it survives even if writing the outputs fails. The location was rebuilt
        // from validated parts (locations.ts of its API), so it is safe to print and to pass on. Only a
        // live offer may come without one: the service named no go-live that took it live.
        if (location)
            log.info(`${VERBS[how]} for ${this.label}. Operation location: ${location.url.href}`);
        else
            log.info(`${VERBS[how]} for ${this.label}: the service names no go-live that took it live.`);
        this.move({ phase: 'started', goLive: { location, how }, state: how === 'started' ? 'accepted' : 'running' }, true);
        if (known)
            this.observe(known);
    }
    /** The API chosen for the offer (choose-api.ts); the step's one API is known from the start. */
    goesThrough(api) {
        if (this.api === api)
            return;
        this.api = api;
        this.onChange(false);
    }
    /** Every state read of the go-live: the progress log, and the outcome's state. */
    observe(operation) {
        const outcome = this.current;
        if (outcome.phase !== 'started' && outcome.phase !== 'finished')
            throw new Error(`observe() in phase ${outcome.phase}`);
        this.progress.observe(operation);
        const goLive = { ...outcome.goLive, operation };
        const { state } = operation;
        if (state === 'running')
            this.move({ phase: 'started', goLive, state }, false);
        else
            this.move({ phase: 'finished', goLive, state }, false);
    }
    /** A dry run's verdict on the offer. */
    checked(report) {
        this.move({ phase: 'checked', report }, false);
    }
    /** What ended the offer's run without success: its outcome says what it leaves behind (ending.ts). */
    fail(error, ending) {
        this.move(endedBy(this.current, error, { label: this.label, ...ending }), false);
    }
    move(outcome, urgent) {
        this.current = outcome;
        this.onChange(urgent);
    }
}

;// CONCATENATED MODULE: ./src/report/kept-lines.ts
// One offer's own lines, kept as they are written so that the step's end can tell them again in
// that offer's group (run/offer-groups.ts). Bounded: 256 offers in a wait of days must not hold the
// whole log in memory. Each offer gets an equal share of a step-wide bound, at most PER_OFFER; when
// its lines pass its share, the first half and the newest lines are kept (what was sent, where it
// went; how it ended) and a note says how many in between were left out (the log above has them).
/** The most one offer keeps, however few the offers. */
const PER_OFFER = { lines: 300, chars: 64 * 1024 };
/** The most the whole step keeps, over all its offers: 64 lines and 16 Ki characters each at 256 offers. */
const PER_STEP = { lines: 16 * 1024, chars: 4 * 1024 * 1024 };
/** One offer's share when the step has `offers` offers. */
function keptShare(offers) {
    const n = Math.max(1, offers);
    return {
        lines: Math.min(PER_OFFER.lines, Math.floor(PER_STEP.lines / n)),
        chars: Math.min(PER_OFFER.chars, Math.floor(PER_STEP.chars / n))
    };
}
class KeptLines {
    limits;
    /** The first lines, up to half the share: the start of the story. */
    head = [];
    headChars = 0;
    /** Once a line went past the head, the head takes no more (the order stays the order written). */
    headDone = false;
    /** The newest lines after the head, within the rest of the share. */
    tail = [];
    tailChars = 0;
    /** Lines left out between head and tail. */
    leftOut = 0;
    constructor(limits) {
        this.limits = { lines: Math.max(2, limits.lines), chars: Math.max(2, limits.chars) };
    }
    add(line) {
        const size = line.text.length;
        const { lines, chars } = this.limits;
        if (!this.headDone && this.head.length < Math.floor(lines / 2) && this.headChars + size <= Math.floor(chars / 2)) {
            this.head.push(line);
            this.headChars += size;
            return;
        }
        this.headDone = true;
        this.tail.push(line);
        this.tailChars += size;
        // The newest line stays even alone past the share: a line is bounded (log.ts, MAX_LINE).
        while (this.tail.length > 1 && (this.head.length + this.tail.length > lines || this.headChars + this.tailChars > chars)) {
            this.tailChars -= this.tail.shift().text.length;
            this.leftOut++;
        }
    }
    /** Lines left out so far. */
    get omitted() {
        return this.leftOut;
    }
    /** The kept lines in the order written, with the note of those left out where they were. */
    lines() {
        if (this.leftOut === 0)
            return [...this.head, ...this.tail];
        const more = `… ${this.leftOut} more line${this.leftOut === 1 ? '' : 's'} of this offer left out here (the log above has every line as it was written).`;
        return [...this.head, { text: more, debug: false }, ...this.tail];
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/report/output-file.ts
// The step's outputs, kept whole in the runner's output file. @actions/core appends each value it is
// given, so a value rewritten often (`results`, written as every go-live request goes out and every
// go-live is named, so that a killed step loses nothing) would leave every earlier copy behind: 256
// offers left 8 MB for a final value of 70 KB. Here each write replaces the file with the outputs as
// they stand, written beside it and renamed over it, so the file is never half written and holds
// one copy of each value: its size is the final values', whatever the number of writes.




/** One value in the runner's file-command form: `name<<delimiter`, the value, the delimiter. */
function entry(name, value) {
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    // A value can hold a line break, never the delimiter made for it (a new UUID each time).
    return `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`;
}
class OutputFile {
    values = new Map();
    /** The file, and what it held before the action wrote to it (the runner gives each step an empty one). */
    file;
    set(name, value) {
        const path = process.env.GITHUB_OUTPUT;
        // Without the runner's file (a local run): the runner's command, as @actions/core writes it.
        if (!path)
            return setOutput(name, value);
        if (this.file?.path !== path) {
            this.file = { path, before: readIfThere(path) };
            this.values = new Map();
        }
        this.values.set(name, value);
        let text = this.file.before;
        for (const [key, held] of this.values)
            text += entry(key, held);
        const next = `${path}.${process.pid}.next`;
        (0,external_node_fs_namespaceObject.writeFileSync)(next, text);
        try {
            (0,external_node_fs_namespaceObject.renameSync)(next, path);
        }
        catch {
            // A file system that cannot rename over the file: written in place (not atomic, still whole).
            (0,external_node_fs_namespaceObject.writeFileSync)(path, text);
        }
    }
}
function readIfThere(path) {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8');
    }
    catch {
        return '';
    }
}
/** The step's outputs: set one with `outputs.set(name, value)`; the file then holds the last value of each. */
const outputs = new OutputFile();

;// CONCATENATED MODULE: ./src/report/operation-output.ts
const operation_output_MAX_DEPTH = 32;
const MAX_ENTRIES = 1_000;
const MAX_STRING = 10_000;
const MAX_OUTPUT_CHARS = 256 * 1024;
function prune(value, depth) {
    if (typeof value === 'string')
        return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
    if (typeof value !== 'object' || value === null)
        return value;
    if (depth >= operation_output_MAX_DEPTH)
        return '[nested too deep]';
    if (Array.isArray(value)) {
        const items = value.slice(0, MAX_ENTRIES).map((item) => prune(item, depth + 1));
        if (value.length > MAX_ENTRIES)
            items.push(`[${value.length - MAX_ENTRIES} more items]`);
        return items;
    }
    const keys = Object.keys(value);
    // No prototype: a key `__proto__` (JSON.parse makes it an own key) stays a key, not a prototype.
    const out = Object.create(null);
    for (const key of keys.slice(0, MAX_ENTRIES))
        out[key] = prune(value[key], depth + 1);
    if (keys.length > MAX_ENTRIES)
        out['…'] = `${keys.length - MAX_ENTRIES} more keys`;
    return out;
}
function operationOutput(operation) {
    const text = JSON.stringify(prune(operation.body, 0));
    if (text.length <= MAX_OUTPUT_CHARS)
        return text;
    // Too large to pass on whole: what the action read of it, which is bounded.
    return JSON.stringify({
        status: operation.rawStatus ?? null,
        truncated: `The body the service sent was ${text.length} characters as JSON; this is what the action read of it.`,
        steps: operation.steps
            .slice(0, 100)
            .map(({ id, name, rawStatus, progress, estimate }) => ({ id, stepName: name, status: rawStatus, progress, estimate })),
        messages: operation.messages.slice(0, 100)
    });
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary: what a release engineer looks at after the run. One renderer for one offer or
// many: a result line, a table with a row per offer (the same words and icons either way; the
// operation location to copy, the page a person can open beside it, when it started and ended, the
// service's preview and live links), then the steps and the service's errors of the offers that
// have them, failed ones first. Service text is escaped to render as text (no HTML, no links, no
// table breaks), and every list is cut, so the summary stays far below GitHub's 1 MiB limit
// whatever the service sends and however many offers there are.







/** Links of each kind shown per offer, and the longest URL shown. */
const summary_MAX_LINKS = 3;
const summary_MAX_URL = 500;
/** Offers whose steps and errors are shown below the table, and how many of each per offer. */
const MAX_DETAILED = 10;
const MAX_STEPS = 50;
const MAX_REASONS = 20;
/** Rows stop before this; the `results` output lists every offer. 256 full rows fit well within. */
const MAX_TABLE_CHARS = 600 * 1024;
/** A backstop far below GitHub's 1 MiB: the lists above are cut long before it. */
const MAX_SUMMARY_CHARS = 900 * 1024;
const RESULT_ICONS = {
    succeeded: '✅',
    failed: '❌',
    canceled: '🚫',
    unknown: '❓',
    running: '⏳',
    accepted: '🚀',
    'not started': '⛔'
};
const HOW = { attached: ' (followed)', started: '', live: ' (live already: nothing sent)', given: '' };
// What GitHub makes a link by itself (cmark-gfm's autolink extension): a URL with a scheme, a `www.`
// name, an e-mail address (`mailto:` and `xmpp:` ones too). A word of service text that has one is
// shown as code instead: text to copy, never a link, and no entity in it to show (GitHub decodes
// entities in text, but not in code, and a summary read as a file shows them as they are).
const LINKABLE = /:\/\/|(?:^|[^\p{L}\p{N}.-])www\.|[\p{L}\p{N}._+-]@[\p{L}\p{N}_-]+\./iu;
// What ends such a word: white space, and what a code span cannot hold as it is: a backtick, `|`
// (a cell break even in code) and `\` (so a backslash before a `|` cannot escape it).
const WORD_BREAKS = /([\s`|\\]+)/u;
// Punctuation around a word that is not part of it (as GitHub reads a link's end): kept out of the code.
const AROUND = /^([(["'<]*)(.*?)([.,;:!?)\]"'>]*)$/su;
/** Text as text: HTML characters as entities, and the characters that make markup escaped. */
const escaped = (text) => text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|$]/g, (c) => `\\${c}`);
/** A word of service text: in a code span when GitHub would link it, else escaped. */
function word(text) {
    const [, before = '', core = '', after = ''] = AROUND.exec(text) ?? [];
    return LINKABLE.test(core) ? `${escaped(before)}\`${core}\`${escaped(after)}` : escaped(text);
}
/**
 * Text as markdown that renders as that text, inside a table cell too: one line, HTML characters as
 * entities (so a decoded `&lt;script&gt;` stays text), the characters that make emphasis, code,
 * links, images, math (`$`) or cell breaks escaped, and each word GitHub would link (a URL, a `www.`
 * name, an e-mail address) in a code span: shown as it is, copyable, not a link.
 */
function markdownText(text, max = 300) {
    return serviceText(text, max)
        .split(WORD_BREAKS)
        .map((part, i) => (i % 2 === 0 ? word(part) : escaped(part)))
        .join('');
}
const VERDICTS = {
    ready: '✅ a go-live would start now',
    blocked: '⛔ a go-live would not start now',
    live: '🟢 already live',
    unknown: '⚠️ unknown'
};
const icon = (status) => RESULT_ICONS[status] ?? '⚠️';
/**
 * The operation's preview and live links as markdown. They are safe already (wait/links.ts: https,
 * no credentials, characters that end a link percent-encoded); here only their number and length
 * are kept small and their text escaped.
 */
function linksMarkdown(operation) {
    if (!operation)
        return '';
    const kinds = [
        ['Preview', operation.links.preview],
        ['Live', operation.links.live]
    ];
    return kinds
        .map(([name, list]) => {
        const shown = list.filter((link) => link.url.length <= summary_MAX_URL).slice(0, summary_MAX_LINKS);
        const cells = shown.map((link) => `[${markdownText(link.text, 60)}](${link.url})`);
        return cells.length > 0 ? `${name}: ${cells.join(', ')}` : '';
    })
        .filter((part) => part !== '')
        .join(' · ');
}
function goLiveRow(row) {
    // Copyable text, not a link: it is an API URL, which a browser cannot open without a token. It
    // is rebuilt from validated parts (its API's locations.ts): no backtick, '|' or space in it.
    const location = row.location && /^https?:$/.test(row.location.protocol) ? `\`${row.location.href}\`` : '';
    // Beside it, what a browser can open, when its API built such a page from validated ids.
    const pageUrl = row.page ? safeLinkUrl(row.page.url) : undefined;
    const page = row.page && pageUrl ? `[${markdownText(row.page.text, 60)}](${pageUrl})` : '';
    const operation = [location, page].filter((cell) => cell !== '').join(' · ');
    const started = markdownText(row.operation?.started ?? '', 40);
    const ended = markdownText(row.operation?.ended ?? '', 40);
    const details = [row.note ? markdownText(row.note, 300) : '', linksMarkdown(row.operation)].filter((d) => d !== '').join(' · ');
    const result = `${icon(row.status)} ${row.status}${row.how ? HOW[row.how] : ''}`;
    return `| ${markdownText(row.label, 260)} | ${result} | ${operation} | ${started} | ${ended} | ${details} |`;
}
function dryRunRow(row) {
    const report = row.dryRun;
    // The offer status is one of a fixed set of words (canonicalOfferStatus), never service text.
    const cells = report
        ? [`\`${report.offerStatus}\``, VERDICTS[report.verdict], markdownText(report.message)]
        : ['', '⛔ not read', markdownText(row.note ?? '', 300)];
    return `| ${markdownText(row.label, 260)} | ${cells.join(' | ')} |`;
}
/** How many offers ended each way, in the order of the rows: "2 succeeded, 1 failed". */
function tally(rows) {
    const counts = new Map();
    for (const row of rows)
        counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
    return [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
}
/** A dry run's verdicts: the one offer's, or how many offers had each ("2 ✅ a go-live would start now, …"). */
function verdicts(rows) {
    const counts = new Map();
    for (const row of rows) {
        const verdict = row.dryRun ? VERDICTS[row.dryRun.verdict] : '⛔ not read';
        counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
    }
    if (rows.length === 1)
        return [...counts.keys()].join('');
    return [...counts].map(([verdict, n]) => `${n} × ${verdict}`).join(', ');
}
/** A list cut to `max` entries, with a line that says how many were left out. */
function cut(items, max, render, what) {
    const lines = items.slice(0, max).map(render);
    if (items.length > max)
        lines.push(`\n…and ${items.length - max} more ${what} (the \`operation\` output has them with one offer).`);
    return lines;
}
function stepRow(step) {
    const progress = step.progress !== undefined ? `${step.progress}%` : '';
    return `| ${markdownText(step.name)} | ${markdownText(step.rawStatus, 60)} | ${progress} | ${markdownText(step.estimate ?? '', 60)} |`;
}
/** The steps and the service's errors of one offer's go-live; [] when it has neither. */
function details(row, several) {
    const steps = row.operation?.steps ?? [];
    const reasons = row.operation && row.status !== 'succeeded' ? failureReasons(row.operation) : [];
    if (steps.length === 0 && reasons.length === 0)
        return [];
    const lines = several ? [`### ${markdownText(row.label, 260)}`, ''] : [];
    if (steps.length > 0) {
        lines.push(`${several ? '####' : '###'} Steps`, '', '| Step | Status | Progress | Estimated time |', '| --- | --- | --- | --- |');
        lines.push(...cut(steps, MAX_STEPS, stepRow, 'steps'), '');
    }
    if (reasons.length > 0) {
        lines.push(`${several ? '####' : '###'} Errors reported by the service`, '');
        lines.push(...cut(reasons, MAX_REASONS, (r) => `- ${markdownText(r, 500)}`, 'errors'), '');
    }
    return lines;
}
const FAILED_FIRST = { failed: 0, canceled: 0, unknown: 1 };
function summaryMarkdown(facts) {
    const { rows } = facts;
    const several = rows.length > 1;
    const lines = [`## Go live${facts.dryRun ? ' (dry run)' : ''}: ${markdownText(facts.title, 260)}`, ''];
    if (facts.dryRun)
        lines.push('No Go Live request was sent.', '');
    const elapsed = `Elapsed ${formatDuration(facts.elapsedMs)}.`;
    if (facts.dryRun)
        lines.push(`**Result:** ${verdicts(rows)}. ${elapsed}`, '');
    else
        lines.push(`**Result:** ${icon(facts.status)} ${facts.status}${several ? `: ${tally(rows)}` : ''}. ${elapsed}`, '');
    if (facts.note)
        lines.push(markdownText(facts.note, 2_000), '');
    // Inputs refused before any offer was read from them: nothing more to show.
    if (rows.length === 0)
        return lines.join('\n');
    lines.push(...(facts.dryRun
        ? ['| Offer | Offer status | Verdict | Why |', '| --- | --- | --- | --- |']
        : ['| Offer | Result | Operation | Started | Ended | Details |', '| --- | --- | --- | --- | --- | --- |']));
    let size = lines.join('\n').length;
    let shown = 0;
    for (const row of rows) {
        const line = facts.dryRun ? dryRunRow(row) : goLiveRow(row);
        if (size + line.length + 1 > MAX_TABLE_CHARS)
            break;
        lines.push(line);
        size += line.length + 1;
        shown++;
    }
    if (shown < rows.length)
        lines.push('', `…and ${rows.length - shown} more offers: the \`results\` output lists every one.`);
    lines.push('');
    if (!facts.dryRun) {
        const order = (row) => FAILED_FIRST[row.status] ?? 2;
        const detailed = rows
            .map((row) => details(row, several))
            .map((block, i) => ({ block, row: rows[i] }))
            .filter(({ block }) => block.length > 0)
            .sort((a, b) => order(a.row) - order(b.row));
        for (const { block } of detailed.slice(0, MAX_DETAILED))
            lines.push(...block);
        if (detailed.length > MAX_DETAILED)
            lines.push(`…and the steps of ${detailed.length - MAX_DETAILED} more offers.`, '');
    }
    const markdown = lines.join('\n');
    return markdown.length > MAX_SUMMARY_CHARS ? `${markdown.slice(0, MAX_SUMMARY_CHARS)}\n\n…(cut)\n` : markdown;
}
/** Writes the summary `render` makes when the runner provides a summary file; a local run has none. Never throws. */
async function writeSummary(render) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    try {
        await summary.addRaw(render(), true).write();
    }
    catch (error) {
        log.warning(`Could not write the job summary: ${messageOf(error)}`);
        log.fault(error);
    }
}

;// CONCATENATED MODULE: ./src/run/error-line.ts

/** The offer's error, or undefined when nothing ended it without success. */
function errorText(offer, several) {
    const { outcome } = offer;
    const problem = problemOf(outcome);
    if (!problem)
        return undefined;
    const location = goLiveOf(outcome)?.location;
    if (!problem.goesOn || !location)
        return problem.text;
    const end = /[.!?]$/.test(problem.text) ? '' : '.';
    const follow = several
        ? 'The go-live goes on at the service; nothing was cancelled: run the step again to follow it.'
        : `The go-live goes on at the service; nothing was cancelled. To check on it later, run this action with operation-location: ${location.url.href} (add wait: true to wait for it).`;
    return `${problem.text}${end} ${follow}`;
}

;// CONCATENATED MODULE: ./src/run/offer-groups.ts
// At the end of a step of several offers, one collapsible group per offer with its whole story: the
// lines kept while its part ran (report/kept-lines.ts), in the order written. Failed offers first,
// so that a reader of 256 offers finds at once the ones to look at; the input order within each rank.



/** Ranks by status, with an error: failed, canceled, unknown, not started (refused), still going. */
const WITH_ERROR = { failed: 0, canceled: 1, unknown: 2, 'not started': 3, running: 4, accepted: 4 };
/** A dry run that found the offer blocked, or could not tell, before those it found ready. */
const DRY_RUN_DOUBT = 5;
const THE_REST = 6;
function rank(offer) {
    const { outcome } = offer;
    if (errorText(offer, true))
        return WITH_ERROR[statusOf(outcome)] ?? THE_REST;
    if (outcome.phase === 'checked' && (outcome.report.verdict === 'blocked' || outcome.report.verdict === 'unknown'))
        return DRY_RUN_DOUBT;
    return THE_REST;
}
/** The offers in the order their groups come: failed first, the input order within each rank. */
function groupOrder(offers) {
    return offers
        .map((offer, index) => ({ offer, index, rank: rank(offer) }))
        .sort((a, b) => a.rank - b.rank || a.index - b.index)
        .map(({ offer }) => offer);
}
/** `contoso/vm-a: failed`, or a dry run's verdict: the label is a validated id, the rest a fixed word. */
function offer_groups_groupTitle(offer) {
    const { outcome } = offer;
    const end = outcome.phase === 'checked' ? `${outcome.report.verdict} (dry run)` : statusOf(outcome);
    return `${offer.label}: ${end}`;
}
/** One group per offer that kept its lines, failed first. */
function writeOfferGroups(offers) {
    for (const offer of groupOrder(offers)) {
        const { kept } = offer;
        if (!kept)
            continue;
        const lines = kept.lines();
        log.group(offer_groups_groupTitle(offer), lines.length > 0 ? lines : [{ text: 'Nothing was logged for this offer.', debug: false }]);
    }
}

;// CONCATENATED MODULE: ./src/run/results.ts
// The `results` output: one object per offer, in input order, built only from validated canonical
// values (the offer id as checked, a status from a fixed set, a location rebuilt from validated
// parts, a canonical offer status, one bounded line of error). And the step's aggregate status.







/** The longest `error` of an offer: one line, so a script can print it as is. */
const MAX_ERROR_CHARS = 300;
/**
 * One offer's entry, rendered from its outcome. `stepError`: a failure of the whole step (the
 * sign-in), for the offers it kept from starting.
 */
function offerResult(offer, several, stepError) {
    const { outcome } = offer;
    const status = statusOf(outcome);
    const location = goLiveOf(outcome)?.location;
    const error = errorText(offer, several) ?? (status === 'not started' ? stepError : undefined);
    return {
        offer: offer.subject.offer,
        api: offer.api ?? '',
        status,
        'operation-location': location?.url.href ?? '',
        'operation-id': location?.id ?? '',
        'offer-status': outcome.phase === 'checked' ? outcome.report.offerStatus : '',
        error: error === undefined ? '' : serviceText(error, MAX_ERROR_CHARS)
    };
}
/**
 * The step's `status` with several offers: `failed` if any failed, was canceled or was refused (not
 * started, with an error); else `unknown` if any is unknown; else `running`; else `accepted`; else
 * `succeeded`; else `not started` (nothing was sent, nothing failed: a dry run).
 */
function aggregateStatus(results) {
    const any = (status) => results.some((r) => r.status === status);
    if (any('failed') || any('canceled') || results.some((r) => r.status === 'not started' && r.error !== ''))
        return 'failed';
    for (const status of ['unknown', 'running', 'accepted', 'succeeded'])
        if (any(status))
            return status;
    return 'not started';
}
/** The `status` output: the one offer's own status, or the aggregate of several. */
function stepStatus(results) {
    const [only] = results;
    return results.length === 1 && only ? only.status : aggregateStatus(results);
}
/**
 * Writes `results` as the offers go, so that a step that times out, fails or is cancelled (even
 * killed) still has every location it started, and never says `not started` of a request that may
 * have gone out. Urgent moves (a request on its way, a go-live named) are written at once; others
 * ask for a write that comes at most every `minGapMs`; a write that would change nothing is not
 * made. The output file keeps one copy (output-file.ts), however many writes; `flush()` writes the
 * last state.
 */
class ResultsOutput {
    offers;
    minGapMs;
    lastWrite = -Infinity;
    lastJson;
    pending;
    stepError;
    constructor(offers, minGapMs = 1_000) {
        this.offers = offers;
        this.minGapMs = minGapMs;
    }
    /** Told each time an offer moves: `urgent` is written at once, anything else within `minGapMs`. */
    changed = (urgent) => {
        if (urgent)
            return void this.write();
        if (this.pending)
            return;
        const wait = this.lastWrite + this.minGapMs - Date.now();
        if (wait <= 0)
            this.write();
        // Unref'd: flush() writes at the end anyway, and a step must not stay up for this.
        else
            this.pending = setTimeout(() => this.write(), wait).unref();
    };
    /** The results as they stand. */
    current() {
        const several = this.offers.length > 1;
        return this.offers.map((offer) => offerResult(offer, several, this.stepError));
    }
    /** The last write, at the step's end; `stepError` names what kept the offers from starting. */
    flush(stepError) {
        this.stepError = stepError;
        return this.write();
    }
    write() {
        clearTimeout(this.pending);
        this.pending = undefined;
        this.lastWrite = Date.now();
        const results = this.current();
        try {
            const json = JSON.stringify(results);
            if (json === this.lastJson)
                return results;
            outputs.set(Outputs.Results, json);
            this.lastJson = json;
        }
        catch (error) {
            // A full disk must not end an offer's go-live; the next write tries again.
            log.warning(`Could not set the results output: ${messageOf(error)}`);
        }
        return results;
    }
}

;// CONCATENATED MODULE: ./src/run/outputs.ts
// The step's outputs, error lines and job summary, each rendered from the offers' outcomes. The
// operation's location and id (one offer) and `results` are written as soon as they are known; the
// rest at the end, each on its own, so that a failure in one (an output, the summary) cannot undo
// the others nor turn a finished go-live into a crash. Choices between one offer and several live
// here only: the prefix of an offer's lines, the lines kept for each offer's group at the end, the
// resume hint, the single-offer outputs, the heading.













/** What starts an offer's own lines: its label when the step has several offers, nothing with one. */
function linePrefix(label, offers) {
    return offers > 1 ? `${label}: ` : '';
}
/**
 * What keeps an offer's own lines for its group at the step's end: with several offers, each its
 * share of the step's bound; with one, nothing (its log is its story already).
 */
function keptLinesOf(offers) {
    return offers > 1 ? new KeptLines(keptShare(offers)) : undefined;
}
/** The step's plan, said once at its start. */
function announce(config) {
    const { length } = config.offers;
    const at = `at most ${config.maxParallel} at a time`;
    if (config.dryRun) {
        if (config.wait || config.operationLocation)
            log.info('Dry run: the wait and operation-location inputs are not used.');
        if (length > 1)
            log.info(`Dry run of ${length} offers, ${at}.`);
        return;
    }
    const timeout = formatDuration(config.timeoutMs);
    const interval = formatDuration(config.pollIntervalMs);
    if (length === 1) {
        if (config.wait)
            log.info(`Waiting up to ${timeout} for the go-live, polling every ${interval}.`);
        return;
    }
    const waits = config.wait
        ? `; then waiting up to ${timeout} for their go-lives, reading each about every ${interval} with the reads spread evenly`
        : '';
    log.info(`Taking ${length} offers live: their go-lives are started or found ${at}${waits}.`);
}
/**
 * What the step writes at once as an offer moves (`urgent`: a request on its way, a go-live named):
 * `results`, and with one offer the outputs it always had, its operation's location and id.
 */
function writeAsOffersMove(results, offers) {
    return (offer, urgent) => {
        const location = goLiveOf(offer.outcome)?.location;
        if (offers === 1 && urgent && location) {
            outputs.set(Outputs.OperationLocation, location.url.href);
            outputs.set(Outputs.OperationId, location.id);
        }
        results.changed(urgent);
    };
}
/** Runs `step`; a failure is logged as a warning and the next step runs all the same. */
async function guarded(what, step) {
    try {
        await step();
    }
    catch (error) {
        log.warning(`Could not ${what}: ${messageOf(error)}`);
        log.fault(error);
    }
}
/** Told once, when offers were started and not waited for: how to check on them later. */
function notWaiting(offers) {
    const accepted = offers.filter((offer) => statusOf(offer.outcome) === 'accepted');
    const [only] = accepted;
    if (!only)
        return;
    const location = goLiveOf(only.outcome)?.location;
    if (offers.length === 1 && location) {
        log.info(`Not waiting (wait: false). To check on it later, run this action with operation-location: ${location.url.href}`);
    }
    else {
        log.info('Not waiting (wait: false). To check on the go-lives later, run this step again with the same offers: it follows each one still running and starts none twice.');
    }
}
/**
 * The step's end: with several offers, one group per offer with its whole story (failed first); then
 * the error lines, outside the groups and last in the log, where a reader looks first (one per offer
 * with an error, naming it when there are several, and one for a failure of the whole step); the
 * last `results`, `status` (the offer's own with one, the aggregate with several), the single-offer
 * outputs, and the summary.
 */
async function writeStepEnd(end) {
    const { offers, results, stepError } = end;
    const several = offers.length > 1;
    if (!end.wait && !end.dryRun && !stepError)
        notWaiting(offers);
    if (several)
        await guarded("write each offer's group of lines", () => writeOfferGroups(offers));
    if (stepError)
        log.fail(stepError);
    for (const offer of offers) {
        const error = errorText(offer, several);
        if (error)
            log.fail(several ? `${offer.label}: ${error}` : error);
    }
    let all = [];
    if (results)
        await guarded('set the results output', () => (all = results.flush(stepError)));
    const status = all.length > 0 ? stepStatus(all) : undefined;
    if (status)
        await guarded('set the status output', () => outputs.set(Outputs.Status, status));
    const [only] = offers;
    if (only && !several)
        await writeOfferOutputs(only);
    const rows = offers.map((offer, i) => summaryRow(offer, all[i], several));
    // Also when the inputs were refused: the summary names what was asked for, as given.
    const title = several ? `${offers.length} offers` : (only?.label ?? askedFor());
    await writeSummary(() => summaryMarkdown({
        title,
        rows,
        status: status ?? 'not started',
        elapsedMs: end.elapsedMs,
        note: stepError,
        dryRun: end.dryRun ?? false
    }));
}
/** The outputs of one offer: its operation as the service last sent it, and a dry run's offer status. */
async function writeOfferOutputs(offer) {
    const { outcome } = offer;
    const operation = goLiveOf(outcome)?.operation;
    if (operation)
        await guarded('set the operation output', () => outputs.set(Outputs.Operation, operationOutput(operation)));
    if (outcome.phase === 'checked') {
        const { offerStatus } = outcome.report;
        await guarded('set the offer-status output', () => outputs.set(Outputs.OfferStatus, offerStatus));
    }
}
function summaryRow(offer, result, several) {
    const { outcome } = offer;
    const goLive = goLiveOf(outcome);
    return {
        label: offer.label,
        status: result?.status ?? statusOf(outcome),
        how: goLive?.how,
        location: goLive?.location?.url,
        page: goLive?.location?.page,
        operation: goLive?.operation,
        note: errorText(offer, several),
        dryRun: outcome.phase === 'checked' ? outcome.report : undefined
    };
}
/** The offer as the inputs name it, when they were refused before an offer was made of them. */
function askedFor() {
    const publisher = getInput(Inputs.Publisher);
    const offer = getInput(Inputs.Offer) || '?';
    return publisher ? `${publisher}/${offer}` : offer;
}

;// CONCATENATED MODULE: ./src/run/fleet.ts








class Fleet {
    offers;
    results;
    /** The step's clock while it waits: the progress lines at a change say the times. */
    clock;
    /** `resultsGapMs`: the least time between two writes of `results` (see ResultsOutput). */
    constructor(config, resultsGapMs) {
        const { offers: ids, publisher } = config;
        const offers = [];
        this.results = new ResultsOutput(offers, resultsGapMs);
        const write = writeAsOffersMove(this.results, ids.length);
        for (const id of ids) {
            const subject = { publisher, offer: id };
            const times = () => (this.clock ? stepTimes(this.clock) : undefined);
            const offer = new Offer(subject, linePrefix(subjectLabel(subject), ids.length), (urgent) => write(offer, urgent), times);
            // The step's one API (named, or chosen by the token) is the offer's from the start.
            if (config.targets.length === 1)
                offer.api = config.targets[0]?.descriptor.api;
            offers.push(offer);
        }
        this.offers = offers;
    }
    /** Runs `story` for every offer; resolves when each has ended, whichever way. Never throws for an offer. */
    async run(session, story, config, cancellation) {
        const { timeoutMs, pollIntervalMs } = config;
        const { signal, deadline } = cancellation;
        const limiter = createLimiter(config.maxParallel);
        // Reads held by a Retry-After wait in the pacer's line, and resume spaced when it ends.
        const pacer = new Pacer(pollIntervalMs, () => session.throttle.waitMs());
        const waiting = { timeoutMs, pollIntervalMs, deadline, signal, pacer };
        // An offer still in line when the step is cancelled or times out sends nothing.
        const limit = (task) => limiter(async () => {
            if (signal.aborted)
                throw signal.reason;
            return task();
        });
        // While it waits: a line at least every ten minutes for the whole step (heartbeat.ts).
        if (config.wait && !config.dryRun)
            this.clock = stepClock(deadline, timeoutMs);
        const heartbeat = this.clock ? new Heartbeat(this.offers, this.clock) : undefined;
        await Promise.all(
        // Its part's lines, its failure's too, are its own: kept for its group at the step's end.
        this.offers.map((offer) => offer.within(keptLinesOf(this.offers.length), async () => {
            try {
                // Looking the offer up in each API (`api: auto` with a sign-in) reads: one of the places.
                const choose = () => chooseApi(offer, session, config.targets);
                const { service } = await (config.targets.length > 1 ? limit(choose) : choose());
                await story(offer, { service, config, limit, waiting });
            }
            catch (error) {
                offer.fail(error, { timeoutMs });
            }
        }))).finally(() => heartbeat?.stop());
    }
}

;// CONCATENATED MODULE: ./src/run/conclude.ts
// How an offer's go-live ended, in words: success is logged, anything else fails the step.



/** Reasons named in the step's error; a hostile service may list thousands. */
const conclude_MAX_REASONS = 10;
/** Logs the go-live's last known state; throws when it ended without success (the offer keeps that state). */
function conclude(operation, how, offer) {
    if (operation.state !== 'running' && operation.state !== 'succeeded')
        throw new ActionError(failureMessage(operation), { resumable: false });
    log.info(operation.state === 'succeeded'
        ? how === 'live'
            ? `${offer.label} is live.`
            : `The go-live of ${offer.label} succeeded.`
        : `${offer.prefix}The go-live is still ${operation.rawStatus ?? 'running'}.`);
}
function failureMessage(operation) {
    const reasons = failureReasons(operation);
    if (operation.state === 'unknown') {
        // Ended, but not in words the action knows: never success, and a re-run reads the same.
        const also = reasons.length > 0 ? ` The service also reported: ${reasons.slice(0, conclude_MAX_REASONS).join('; ')}.` : '';
        return `The go-live's outcome is unknown: ${operation.unknownReason ?? 'the service did not say how it ended'}. The action cannot tell whether it succeeded, so the step fails: check the offer in Partner Center.${also}`;
    }
    const verb = operation.state === 'canceled' ? 'was canceled' : 'failed';
    const more = reasons.length > conclude_MAX_REASONS ? `; and ${reasons.length - conclude_MAX_REASONS} more (the job summary lists the first)` : '';
    const why = reasons.length > 0
        ? `: ${reasons.slice(0, conclude_MAX_REASONS).join('; ')}${more}`
        : ' (the service gave no reason; see the offer in Partner Center)';
    return `The go-live ${verb}${why}`;
}

;// CONCATENATED MODULE: ./src/run/dry-run.ts

async function reportDryRun(offer, service) {
    log.info(`Dry run: reading the status of ${offer.label}; no Go Live request is sent.`);
    const report = await service.dryRun();
    offer.checked(report);
    const line = `${offer.prefix}Offer status: ${report.offerStatus}. ${report.message}`;
    if (report.verdict === 'ready' || report.verdict === 'live')
        log.notice(line);
    else
        log.warning(line);
}

;// CONCATENATED MODULE: ./src/run/start-or-attach.ts

async function startOrAttach(service, given) {
    if (given) {
        // Before any read: a location of another offer is refused, never followed.
        await service.checkGiven(given);
        return { location: given, how: 'given' };
    }
    const started = await service.start();
    if (started.how === 'live')
        return { location: started.location, how: 'live', known: started.operation };
    const { location, how, operation } = started;
    return operation && isTerminal(operation.state) ? { location, how, known: operation } : { location, how };
}

;// CONCATENATED MODULE: ./src/wait/wait-for-operation.ts
// Polls an operation until it ends, the deadline passes, or the workflow is cancelled.







/**
 * Answers that refuse the caller's identity: a 401 that a fresh token did not cure, a 403 (a
 * permission revoked mid-wait). Every later poll would get the same, so they end the wait at once.
 */
const REFUSALS = new Set([401, 403]);
/**
 * Whether a failed status read costs one poll rather than the wait: the service's own trouble (see
 * isServiceUnavailable), or any other error answer, such as a 404 or 400 from a gateway in the
 * middle of a deployment. Repeated, they end the wait like an outage does (missedPollBudget).
 */
function costsOnePoll(error) {
    return (isServiceUnavailable(error) ||
        (error instanceof ServiceError && !REFUSALS.has(error.status)) ||
        // The identity service down while renewing the token: the next poll may get one.
        (error instanceof SignInError && error.outage));
}
/** Fewest missed polls in a row that can end a wait, however short the budget. */
const MIN_MISSED_POLLS = 3;
/**
 * How long the status may stay unreadable before a wait gives up: a quarter of the wait, and never
 * less than three polls. A passing outage (an hour of a five-day wait) must not end the wait; an
 * outage that lasts must not hide behind it.
 */
function missedPollBudget(timeoutMs, intervalMs) {
    return Math.max(MIN_MISSED_POLLS * intervalMs, timeoutMs / 4);
}
/** Polls `read` (one status read of the operation) until the operation ends or the wait does. */
async function waitForOperation(read, options) {
    let last;
    let missed = 0;
    let missingSince = 0;
    const prefix = options.prefix ?? '';
    const timeout = () => (last ? { kind: 'timeout', operation: last } : { kind: 'timeout' });
    for (let poll = 1;; poll++) {
        let delay = options.intervalMs;
        if (options.pacer && !(await turnBefore(options.pacer, options.deadline, options.signal)))
            return timeout();
        try {
            const answer = await read();
            if (missed > 0)
                log.info(`${prefix}Poll ${poll} read the status again after ${missed} missed poll${missed > 1 ? 's' : ''}.`);
            missed = 0;
            last = answer.operation;
            options.onOperation(answer.operation);
            if (isTerminal(answer.operation.state))
                return { kind: 'finished', operation: answer.operation };
            if (answer.retryAfterMs !== undefined && answer.retryAfterMs > delay) {
                log.debug(`${prefix}The service asked for ${formatDuration(answer.retryAfterMs)} before the next poll.`);
                delay = answer.retryAfterMs;
            }
        }
        catch (error) {
            if (error instanceof DeadlineError)
                return timeout();
            // One odd answer or a passing outage costs this poll, not the wait.
            if (!costsOnePoll(error))
                throw error;
            if (missed++ === 0)
                missingSince = Date.now();
            const outage = Date.now() - missingSince;
            if (missed >= MIN_MISSED_POLLS && outage >= options.missedBudgetMs) {
                throw new ActionError(`${messageOf(error)} The status could not be read for ${formatDuration(outage)} (${missed} polls in a row), longer than the wait tolerates (${formatDuration(options.missedBudgetMs)}); giving up waiting.`, { cause: error });
            }
            log.warning(`${prefix}Poll ${poll} missed: ${messageOf(error)} Trying again at the next poll.`);
        }
        // The deadline also aborts the signal, so a long Retry-After cannot carry the wait past it.
        const remaining = options.deadline - Date.now();
        if (remaining <= 0)
            return timeout();
        // Paced, the next turn comes an interval after this one (at most two): only a longer Retry-After
        // is slept here. A sleep as well would add the read's time and the turn's wait to every gap.
        if (options.pacer && delay <= options.intervalMs)
            continue;
        try {
            await sleep(Math.min(delay, remaining), options.signal);
        }
        catch (error) {
            if (error instanceof DeadlineError)
                return timeout();
            throw error;
        }
    }
}

;// CONCATENATED MODULE: ./src/run/wait.ts



/** The step's timeout passed with the go-live still going on at the service (not a failure of it). */
class WaitTimedOutError extends ActionError {
    name = 'WaitTimedOutError';
}
/** The go-live's final state; throws when the timeout passes first (or the status stays unreadable). */
async function waitForGoLive(offer, service, location, settings) {
    const { timeoutMs, pollIntervalMs, deadline, signal, pacer } = settings;
    const member = pacer.join();
    let outcome;
    try {
        outcome = await waitForOperation(() => service.readOperation(location), {
            intervalMs: pollIntervalMs,
            deadline,
            signal,
            onOperation: (operation) => offer.observe(operation),
            missedBudgetMs: missedPollBudget(timeoutMs, pollIntervalMs),
            pacer: member,
            prefix: offer.prefix
        });
    }
    finally {
        // Its turns go to the offers still waiting.
        member.leave();
    }
    // Resumable: the step's error adds how to check on the go-live later.
    if (outcome.kind === 'timeout')
        throw new WaitTimedOutError(`Timed out after ${formatDuration(timeoutMs)} waiting for the go-live of ${offer.label}.`);
    return outcome.operation;
}

;// CONCATENATED MODULE: ./src/run/go-live.ts




async function goLive(offer, lane) {
    const { service, config, limit } = lane;
    const attached = await limit(() => startOrAttach(service, config.operationLocation));
    offer.record(attached);
    // Live already, or the answer to the request already says how it ended.
    if (attached.known)
        return conclude(attached.known, attached.how, offer);
    const { location, how } = attached;
    let operation;
    if (config.wait)
        operation = await waitForGoLive(offer, service, location, lane.waiting);
    // Started and not waited for: it is `accepted` (outputs.ts says how to check on it later).
    else if (how === 'started')
        return;
    else {
        // Check-later mode: one read, and its state is the offer's result.
        operation = (await limit(() => service.readOperation(location))).operation;
        offer.observe(operation);
    }
    conclude(operation, how, offer);
}
/** One offer's dry run: what its API says about going live now. Sends nothing that changes it. */
async function go_live_dryRun(offer, lane) {
    await lane.limit(() => reportDryRun(offer, lane.service));
}

;// CONCATENATED MODULE: ./src/http/throttle.ts
// One per step, shared by every request of every offer: when the service refuses a request with a
// Retry-After (a 429, or a 503 in its own words), every request waits until then, so a throttled
// service sees the whole fleet slow down, not one offer. The JSON client waits on it within the
// step's deadline.



class Throttle {
    /** No request is sent before this (epoch ms). */
    until = 0;
    /** The service asked for `ms` before the next request: the latest time asked wins, capped. */
    slowDown(ms) {
        if (!(ms > 0))
            return;
        this.until = Math.max(this.until, Date.now() + Math.min(ms, MAX_RETRY_AFTER_MS));
    }
    /** How long a request would wait now (0 when the service asked for nothing). */
    waitMs() {
        return Math.max(0, this.until - Date.now());
    }
    /**
     * Resolves when a request may be sent; rejects with the signal's reason if it aborts while waiting.
     * With a `deadline` (epoch ms), no request is held past it: `pastDeadline` gives the error for a
     * hold that would pass it (a go-live request is then not sent at all); without one, the wait lasts
     * to the deadline and ends as the step's timeout (DeadlineError).
     */
    async ready(signal, deadline, pastDeadline) {
        // Again after each sleep: another request may have been asked to wait longer meanwhile.
        for (let wait = this.waitMs(); wait > 0; wait = this.waitMs()) {
            if (deadline !== undefined && Date.now() + wait > deadline) {
                if (pastDeadline)
                    throw pastDeadline(wait);
                await sleep(Math.max(0, deadline - Date.now()), signal);
                throw new DeadlineError();
            }
            await sleep(wait, signal);
        }
    }
}

;// CONCATENATED MODULE: ./src/run/shared-tokens.ts

/**
 * What a failed sign-in is to the rest of the step: a SignInError (never a passing outage of the API
 * that a pre-check could go on without). The step's own end (cancelled, timed out) and faults of the
 * action stay as they are.
 */
function signInFailure(error) {
    if (error instanceof CancelledError || error instanceof DeadlineError || error instanceof SignInError)
        return error;
    if (error instanceof ActionError)
        return new SignInError(error.message, { cause: error, outage: error instanceof ServiceUnavailableError });
    return error;
}
function sharedTokens(tokens) {
    let failed;
    let getting;
    /** The renewal of one rejected token: kept after it settles, so a late 401 for that token starts none. */
    let renewal;
    /** The newest token handed out, and how many renewals made one. */
    let latest;
    let renewals = 0;
    /** Tokens a renewal gave that the service refused at once: renewing does not help. */
    const refusedFresh = new Set();
    const fail = (error) => {
        const failure = signInFailure(error);
        // Cancelled or past the deadline: the step ends anyway. An outage may pass: asked again later.
        if (!(failure instanceof CancelledError || failure instanceof DeadlineError || (failure instanceof SignInError && failure.outage))) {
            failed = { error: failure };
        }
        throw failure;
    };
    const getToken = () => {
        if (failed)
            return Promise.reject(failed.error);
        if (!getting) {
            const before = renewals;
            getting = tokens
                .getToken()
                .then((token) => {
                // A token asked for before a renewal finished may be the one it replaced.
                if (renewals === before)
                    latest = token;
                return token;
            }, fail)
                .finally(() => (getting = undefined));
        }
        return getting;
    };
    const renew = (rejected) => {
        if (failed)
            return Promise.reject(failed.error);
        // Replaced already: the request is sent again with the newer token, and no new one is asked for.
        if (rejected !== undefined && latest !== undefined && rejected !== latest)
            return Promise.resolve(latest);
        // A fresh token refused at once too (the app not added to the account, say): no token will do,
        // so no sign-in per offer; the 401 stands. One refused later (an expiry) is renewed.
        if (rejected !== undefined && refusedFresh.has(rejected))
            return Promise.resolve(undefined);
        // Without the rejected token named, only a renewal still in flight is shared.
        if (renewal && renewal.of === rejected && (rejected !== undefined || !renewal.settled))
            return renewal.promise;
        const current = {
            of: rejected,
            settled: false,
            promise: tokens.renew(rejected).then((token) => {
                renewals++;
                if (token !== undefined)
                    latest = token;
                return token;
            }, (error) => {
                // A renewal that failed is not the answer to a later 401 of this token: an outage may
                // pass (fail() latches a definitive failure for every ask anyway).
                if (renewal === current)
                    renewal = undefined;
                return fail(error);
            })
        };
        void current.promise.finally(() => (current.settled = true)).catch(() => undefined);
        renewal = current;
        return current.promise;
    };
    return {
        renewable: tokens.renewable,
        getToken,
        renew,
        refusedAfterRenewal: (token) => void refusedFresh.add(token),
        rejectionHint: () => tokens.rejectionHint()
    };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/auth/github-oidc.ts
// GitHub's OIDC token for the job: the assertion Entra ID exchanges for an access token. It lives
// only minutes, so a fresh one is fetched for every exchange, through the action's own transport:
// the same deadline (request-timeout), retries, proxy handling and cancellation as every request.




const ID_TOKEN_PERMISSION_HINT = [
    "GitHub gave this job no OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set), so the action cannot sign in with 'client-id' and 'tenant-id' without a secret.",
    'Allow the job to request one by adding this to the job (or the workflow):',
    '  permissions:',
    '    id-token: write',
    '    contents: read',
    "Or pass 'client-secret' to sign in with a client secret instead."
].join('\n');
/** A JWT: three base64url parts. Anything else is not sent on as an assertion. */
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
/** Sign-in could not be completed because a service was down or unreadable: worth a later try. */
class SignInUnavailableError extends ServiceUnavailableError {
    name = 'SignInUnavailableError';
}
async function gitHubIdToken(audience, context) {
    const requestUrl = process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const requestToken = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!requestUrl || !requestToken)
        throw new ActionError(ID_TOKEN_PERMISSION_HINT);
    let url;
    try {
        url = new URL(requestUrl);
    }
    catch {
        throw new ActionError('ACTIONS_ID_TOKEN_REQUEST_URL, set by the runner, is not a URL.');
    }
    url.searchParams.set('audience', audience);
    const what = `Getting a GitHub OIDC token for the audience '${audience}'`;
    const headers = { Authorization: `Bearer ${requestToken}`, Accept: 'application/json' };
    const answer = await readWithRetries(context.transport, 'GET', url, { headers, signal: context.signal, backoff: context.backoff }, (said) => new SignInUnavailableError(`${what} failed: ${said}.`));
    if (answer.status !== 200)
        throw new ActionError(`${what} failed: ${answerInWords(answer)}.`);
    let value;
    try {
        value = JSON.parse(answer.body)?.value;
    }
    catch {
        value = undefined;
    }
    if (typeof value !== 'string' || !JWT.test(value))
        throw new SignInUnavailableError(`${what} failed: the answer held no token.`);
    core_setSecret(value);
    return value;
}

;// CONCATENATED MODULE: ./src/auth/azure-cli-answer.ts
// The Azure CLI's answer to `az account get-access-token --output json`, read: the token (masked the
// moment it is found, before anything can fail and print) and its expiry. The answer is never quoted:
// it holds a token. Its shape: __tests__/fixtures/azure-cli-docs.ts.




// `expiresOn` is the machine's local time, "2023-10-31 21:59:10.000000" (no offset); `expires_on`
// (Azure CLI 2.54.0 and later) is POSIX seconds, and preferred: local time is ambiguous when DST ends.
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
function localTime(text) {
    const parts = LOCAL_TIME.exec(text);
    if (!parts)
        return undefined;
    const [year, month, day, hours, minutes, seconds] = parts.slice(1, 7).map(Number);
    const ms = Math.floor(Number(`0.${parts[7] ?? '0'}`) * 1_000);
    const date = new Date(year, month - 1, day, hours, minutes, seconds, ms);
    return Number.isNaN(date.getTime()) ? undefined : date;
}
function expiry(answer, token) {
    const posix = answer.expires_on;
    const seconds = typeof posix === 'number' ? posix : typeof posix === 'string' && /^\d+$/.test(posix) ? Number(posix) : NaN;
    if (Number.isSafeInteger(seconds) && seconds > 0)
        return new Date(seconds * 1_000);
    if (typeof answer.expiresOn === 'string') {
        const local = localTime(answer.expiresOn.trim());
        if (local)
            return local;
    }
    // Neither readable: the token's own `exp`, when it is a JWT.
    return jwtExpiry(token);
}
function parseAzureCliToken(stdout, resource) {
    const what = `The Azure CLI's answer to az account get-access-token --resource ${resource}`;
    let answer;
    try {
        answer = JSON.parse(stdout);
    }
    catch {
        answer = undefined;
    }
    const token = isObject(answer) ? answer.accessToken : undefined;
    if (typeof token === 'string' && token.trim())
        maskSecret(token);
    if (!isObject(answer))
        throw new ActionError(`${what} is not the JSON object it writes (the answer is not shown: it may hold a token).`);
    if (typeof token !== 'string' || !token)
        throw new ActionError(`${what} has no accessToken.`);
    if (!BEARER_TOKEN.test(token)) {
        throw new ActionError(`${what} holds an accessToken that is not one line of token characters (not shown: it is a secret).`);
    }
    const expiresOn = expiry(answer, token);
    if (!expiresOn)
        throw new ActionError(`${what} says neither when its token expires (expires_on, expiresOn) nor does the token.`);
    return { accessToken: token, expiresOn };
}

;// CONCATENATED MODULE: ./src/auth/azure-cli.ts
// One run of `az account get-access-token` for a resource, in the Azure CLI session an earlier
// azure/login step left: no shell (on Windows only cmd.exe, which az.cmd needs), an argument array, a
// minimal environment, capped output, a bounded time, and killed (with the interpreter it starts) on
// timeout, cancellation or the step's deadline.
// Its failures are put in words here. Azure's own AzureCliCredential (@azure/identity) runs the same
// command; the answer's shape is in __tests__/fixtures/azure-cli-docs.ts.







/** Far more than an answer holds (a token of a few KB): a flood costs a failed sign-in, not memory. */
const MAX_OUTPUT = 256 * 1024;
// Only these reach `az`: what finding and running it needs (PATH, home, temp, locale, Windows' own),
// its configuration (AZURE_*: AZURE_CONFIG_DIR, AZURE_CORE_*, ...), proxies and CA bundles, and the
// managed identity endpoints. Never the step's inputs (INPUT_TOKEN, INPUT_CLIENT-SECRET) or the
// runner's tokens.
const PASSED = /^(PATH|PATHEXT|HOME|USER|LOGNAME|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|TEMP|TMP|SYSTEMROOT|SYSTEMDRIVE|WINDIR|COMSPEC|USERPROFILE|USERNAME|APPDATA|LOCALAPPDATA|PROGRAMDATA|PROGRAMFILES|PROGRAMFILES\(X86\)|PROGRAMW6432|COMMONPROGRAMFILES|HOMEDRIVE|HOMEPATH|PROCESSOR_ARCHITECTURE|NUMBER_OF_PROCESSORS|HTTPS?_PROXY|NO_PROXY|ALL_PROXY|REQUESTS_CA_BUNDLE|SSL_CERT_FILE|SSL_CERT_DIR|CURL_CA_BUNDLE|AZURE_[A-Z0-9_]+|MSI_ENDPOINT|MSI_SECRET|IDENTITY_ENDPOINT|IDENTITY_HEADER|IMDS_ENDPOINT)$/i;
/** AZURE_* names of credentials the CLI does not read from the environment: not handed on. */
const WITHHELD = /SECRET|PASSWORD|TOKEN|KEY/i;
function azureCliEnvironment(env) {
    const passed = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined || !PASSED.test(name))
            continue;
        if (/^AZURE_/i.test(name) && WITHHELD.test(name))
            continue;
        passed[name] = value;
    }
    return passed;
}
// A resource goes into a cmd.exe command line on Windows: only URL characters cmd gives no meaning.
const SAFE_RESOURCE = /^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~/-]*)?$/;
/**
 * The command for a resource. On Windows `az` is `az.cmd`, a batch file, which Node runs only through
 * cmd.exe: the command line is built from fixed words and a checked resource, never user text.
 */
function azureCliCommand(resource, platform, env) {
    if (!SAFE_RESOURCE.test(resource))
        throw new Error(`Not a resource to hand the Azure CLI: ${resource}`);
    const args = ['account', 'get-access-token', '--output', 'json', '--resource', resource];
    if (platform === 'win32') {
        // cmd.exe looks for a command in its working directory first: there it is Windows' own folder.
        const systemRoot = env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows';
        return {
            file: env.ComSpec ?? env.COMSPEC ?? `${systemRoot}\\System32\\cmd.exe`,
            args: ['/d', '/s', '/c', `"az.cmd ${args.join(' ')}"`],
            windowsVerbatimArguments: true,
            cwd: systemRoot
        };
    }
    // The root as working directory: a relative PATH entry cannot find an `az` in the checked-out repository.
    return { file: 'az', args, windowsVerbatimArguments: false, cwd: '/' };
}
/**
 * Ends the run and whatever it started: `az` is a script that starts Python (on Linux without exec),
 * and killing the script alone would leave Python holding the pipes. Called only before the run closed.
 */
function kill(child, platform) {
    if (child.pid !== undefined) {
        try {
            if (platform === 'win32') {
                (0,external_node_child_process_namespaceObject.execFile)('taskkill', ['/pid', String(child.pid), '/T', '/F'], { windowsHide: true }, () => undefined);
            }
            else {
                process.kill(-child.pid, 'SIGKILL'); // its process group (it was started detached, as the group's leader)
            }
        }
        catch {
            child.kill('SIGKILL'); // the group is gone already
        }
    }
    // Whatever still holds the pipes cannot keep the step waiting.
    child.stdout?.destroy();
    child.stderr?.destroy();
}
const NOT_FOUND_ON_WINDOWS = /is not recognized as an internal or external command/i;
// The CLI's message when nobody signed in: "ERROR: Please run 'az login' to setup account." A hint
// to run `az login --scope ...` (consent for a user) is another failure, quoted as it is.
const NOT_SIGNED_IN = /az login(?! --scope)/;
// The network failures the CLI reports (requests, urllib3): worth a later try.
const NETWORK = /Max retries exceeded|ConnectionError|Connection aborted|Connection reset|timed out|Temporary failure in name resolution/i;
/** The lines of stderr that say what failed: its ERROR lines, or else all of it, made safe to quote. */
function azure_cli_said(stderr) {
    const errors = stderr.split(/\r?\n/).filter((line) => /^\s*ERROR:/.test(line));
    return serviceText((errors.length > 0 ? errors : [stderr]).join(' '), 500);
}
const commandLine = (resource) => `az account get-access-token --resource ${resource}`;
/** `code`: the exit code, the spawn error's code (ENOENT), or 'killed' (ended by a signal). */
function failure(resource, code, stderr, spawnError) {
    const command = commandLine(resource);
    if (code === 'ENOENT' || code === 9009 || NOT_FOUND_ON_WINDOWS.test(stderr)) {
        return new ActionError(`Neither 'token' nor 'client-id' is given, and there is no Azure CLI session to sign in with: the Azure CLI (az) is not installed (not found on PATH). ${THREE_WAYS}`);
    }
    if (spawnError !== undefined) {
        // Found but not run: not executable (EACCES), say.
        return new ActionError(`The Azure CLI could not be run for ${command}: ${serviceText(spawnError, 300)}.`);
    }
    const text = azure_cli_said(stderr);
    if (NOT_SIGNED_IN.test(stderr)) {
        return new ActionError(`Neither 'token' nor 'client-id' is given, and the Azure CLI is not signed in (${command} said: ${text}). ${THREE_WAYS}`);
    }
    const head = `Getting a token for ${resource} from the Azure CLI session (azure/login) failed (${code === 'killed' ? 'it was killed' : `exit code ${code}`})`;
    if (/AADSTS700024/.test(stderr)) {
        return new ActionError(`${head}: AADSTS700024, the GitHub OIDC token azure/login signed in with has expired (GitHub's tokens live minutes) and the Azure CLI cannot get another. Run azure/login right before this step, or pass this action 'client-id' and 'tenant-id' instead: it asks GitHub for a fresh OIDC token at every sign-in. The CLI said: ${text}`);
    }
    if (NETWORK.test(stderr))
        return new SignInUnavailableError(`${head}: ${text}`);
    return new ActionError(`${head}: ${text || 'it wrote no error'}`);
}
/** A token for `resource` from the Azure CLI session, masked as soon as it is read; a failure in words. */
function azureCliToken(resource, run) {
    const platform = run.platform ?? process.platform;
    const env = run.env ?? process.env;
    const { signal } = run;
    if (signal?.aborted)
        return Promise.reject(signal.reason);
    const command = azureCliCommand(resource, platform, env);
    return new Promise((resolve, reject) => {
        let ended = false;
        const end = (settle) => {
            if (ended)
                return;
            ended = true;
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            settle();
        };
        // spawn without a shell rather than execFile: execFile cannot start the process group a kill needs.
        const child = (0,external_node_child_process_namespaceObject.spawn)(command.file, command.args, {
            env: azureCliEnvironment(env),
            cwd: command.cwd,
            stdio: ['ignore', 'pipe', 'pipe'],
            windowsHide: true,
            windowsVerbatimArguments: command.windowsVerbatimArguments,
            // Its own process group, so a kill reaches the Python it starts (POSIX).
            detached: platform !== 'win32'
        });
        const output = { stdout: '', stderr: '' };
        for (const name of ['stdout', 'stderr']) {
            child[name].setEncoding('utf8').on('data', (chunk) => {
                output[name] += chunk;
                if (output[name].length <= MAX_OUTPUT)
                    return;
                kill(child, platform);
                end(() => reject(new ActionError(`The Azure CLI wrote more than ${MAX_OUTPUT / 1024} KiB to ${name} for ${commandLine(resource)}: it was stopped, and not read.`)));
            });
        }
        child.on('error', (error) => end(() => reject(failure(resource, error.code, output.stderr, error.message))));
        child.on('close', (code) => end(() => {
            if (code !== 0)
                return reject(failure(resource, code ?? 'killed', output.stderr));
            try {
                resolve(parseAzureCliToken(output.stdout, resource));
            }
            catch (parseError) {
                reject(parseError);
            }
        }));
        const timer = setTimeout(() => {
            kill(child, platform);
            end(() => reject(new SignInUnavailableError(`The Azure CLI gave no answer to ${commandLine(resource)} within ${formatDuration(run.timeoutMs)} (request-timeout), so it was stopped`)));
        }, run.timeoutMs);
        const onAbort = () => {
            kill(child, platform);
            end(() => reject(signal?.reason));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}

;// CONCATENATED MODULE: ./src/auth/aadsts.ts
const MEANINGS = {
    '7000215': (c) => `invalid client secret: 'client-secret' is not a valid secret of the app ${c.clientId} (copy the secret's Value, not its ID).`,
    '7000222': (c) => `the client secret has expired: create a new secret for the app ${c.clientId} and update 'client-secret'.`,
    '700016': (c) => `application not found in the tenant: no app with client-id ${c.clientId} exists in tenant ${c.tenantId}. Check 'client-id' and 'tenant-id' (both on the app registration's Overview page).`,
    '90002': (c) => `tenant not found: '${c.tenantId}' is not a Microsoft Entra tenant (check 'tenant-id', and 'authority-host' for sovereign clouds).`,
    '70021': (c) => {
        const claims = c.assertionClaims;
        const seen = claims
            ? ` The GitHub token presented: subject (sub) '${String(claims.sub)}', issuer (iss) '${String(claims.iss)}', audience (aud) '${String(claims.aud)}'.`
            : '';
        return `no federated credential of the app ${c.clientId} matches the GitHub OIDC token.${seen} Add a federated credential with exactly this issuer, subject and audience (Certificates & secrets > Federated credentials).`;
    },
    '700024': () => 'the GitHub OIDC token is outside its valid time range (check the runner clock).',
    '700213': () => 'no matching federated identity record found: the federated credential subject does not match this workflow.',
    '500011': () => "the API's resource (https://cloudpartner.azure.com for the CPP API, https://graph.microsoft.com for the Product Ingestion API) has no service principal in this tenant: sign in to Partner Center with the tenant once, or check 'tenant-id' and 'api'.",
    '50059': () => "no tenant-identifying information: check 'tenant-id'."
};
function describe(error) {
    const e = error;
    const text = (e?.errorMessage || e?.message || String(error)).split(/\r?\n/)[0]?.trim() ?? '';
    const code = /AADSTS(\d+)/.exec(`${e?.errorMessage ?? ''} ${e?.message ?? ''}`)?.[1];
    return code ? { code, text } : { text: e?.errorCode ? `${e.errorCode}: ${text}` : text };
}
/** One message for a failed sign-in: what failed, the AADSTS code and meaning, and the fix. */
function explainSignInError(error, context) {
    const { code, text } = describe(error);
    const how = context.method === 'github-oidc' ? 'with the GitHub OIDC token' : 'with the client secret';
    const head = `Signing in to Microsoft Entra ID ${how} (client-id ${context.clientId}, tenant-id ${context.tenantId}) failed`;
    const meaning = code ? MEANINGS[code]?.(context) : undefined;
    if (code && meaning)
        return `${head}: AADSTS${code}, ${meaning}`;
    return `${head}: ${text}`;
}

;// CONCATENATED MODULE: ./src/auth/msal-network.ts


function flatten(headers) {
    const flat = Object.create(null);
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined)
            flat[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return flat;
}
function msalNetworkModule(transport, backoff, signal) {
    let lastOutage;
    let lastFault;
    // Token requests (client credentials) and metadata reads are safe to repeat.
    async function send(method, url, options) {
        lastOutage = undefined;
        lastFault = undefined;
        try {
            return await sendOnce(method, new URL(url), options);
        }
        catch (error) {
            if (!(error instanceof NetworkError))
                lastFault = error;
            throw error;
        }
    }
    async function sendOnce(method, url, options) {
        // The same loop as every request of the action; MSAL turns whatever answer remains into its own error.
        const request = { headers: options?.headers ?? {}, body: options?.body, signal, backoff };
        const answer = await readWithRetries(transport, method, url, request, (said, outcome) => {
            // No answer: an outage, unless retrying could not help (a certificate the runner rejects).
            if (outcome instanceof NetworkError) {
                if (outcome.retryable)
                    lastOutage = said;
                return outcome;
            }
            // Thrown rather than handed to MSAL: MSAL would remember a 5xx or 429 and refuse every
            // request for a minute after the service is back. This loop has retried already.
            lastOutage = `${url.host} answered ${said}`;
            return new NetworkError(lastOutage, `HTTP_${outcome.status}`, true, true);
        });
        let body;
        try {
            body = answer.body ? JSON.parse(answer.body) : {};
        }
        catch {
            // An HTML gateway page, say.
            lastOutage = `${url.host} answered HTTP ${answer.status} with something that is not JSON`;
            throw new NetworkError(lastOutage, 'NOT_JSON', true, true);
        }
        return { status: answer.status, headers: flatten(answer.headers), body: body };
    }
    return {
        get lastOutage() {
            return lastOutage;
        },
        get lastFault() {
            return lastFault;
        },
        sendGetRequestAsync: (url, options) => send('GET', url, options),
        sendPostRequestAsync: (url, options) => send('POST', url, options)
    };
}

;// CONCATENATED MODULE: ./src/auth/entra-token-provider.ts
// Access tokens from Microsoft Entra ID for an app registration, through MSAL: acquired when
// needed, served from MSAL's cache until shortly before they expire, renewed on demand after a 401.







/** Renew five minutes before expiry (MSAL's own margin), or halfway for short-lived tokens. */
function renewalTime(expiresOn, now = Date.now()) {
    if (!expiresOn)
        return now;
    const lifetime = expiresOn.getTime() - now;
    return now + Math.max(0, lifetime > 600_000 ? lifetime - 300_000 : lifetime / 2);
}
async function entraTokenProvider(auth, target, transport, backoff, signal) {
    const network = msalNetworkModule(transport, backoff, signal);
    // Loaded only here: a run with a plain token never pays MSAL's start-up cost.
    const { ConfidentialClientApplication, LogLevel } = await __nccwpck_require__.e(/* import() */ 669).then(__nccwpck_require__.bind(__nccwpck_require__, 2669));
    const context = { clientId: auth.clientId, tenantId: auth.tenantId, method: auth.kind };
    const credential = auth.kind === 'client-secret'
        ? { clientSecret: auth.clientSecret }
        : {
            // A callback, not a string: every exchange gets a fresh GitHub token (they live minutes).
            clientAssertion: async () => {
                const assertion = await gitHubIdToken(auth.audience, { transport, backoff, signal });
                const claims = decodeJwtClaims(assertion);
                if (claims)
                    context.assertionClaims = claims;
                return assertion;
            }
        };
    const app = new ConfidentialClientApplication({
        auth: {
            clientId: auth.clientId,
            authority: new URL(auth.tenantId, auth.authorityHost).href,
            knownAuthorities: [auth.authorityHost.host],
            ...credential
        },
        system: {
            networkClient: network,
            loggerOptions: {
                piiLoggingEnabled: false,
                logLevel: LogLevel.Warning,
                loggerCallback: (_level, message) => log.debug(`MSAL: ${message}`)
            }
        }
    });
    const via = auth.kind === 'github-oidc' ? 'GitHub OIDC' : 'a client secret';
    let issued = 0;
    let current;
    let renewalFailures = 0;
    /** A sign-in failure in words; an outage of Entra ID or GitHub's token service is marked as one. */
    function signInFailure(error) {
        if (error instanceof ActionError)
            return error;
        // A fault of the action's own is not a failed sign-in: it fails the step as it is, with its
        // stack. MSAL reports one in the network module as a bare network_error; the module kept it.
        if (network.lastFault !== undefined)
            throw network.lastFault;
        if (error instanceof TypeError || error instanceof ReferenceError)
            throw error;
        // MSAL reports a network module failure as a bare network_error: the module knows what it was.
        const outage = network.lastOutage;
        if (outage)
            return new SignInUnavailableError(`Signing in to Microsoft Entra ID with ${via} failed: ${outage}.`);
        return new ActionError(explainSignInError(error, context));
    }
    /** A definitive refusal (not an outage): Entra ID is not asked again this step. */
    let refused;
    async function acquire(skipCache) {
        // Held here rather than asked of MSAL each time: MSAL evaluates the client assertion (a GitHub
        // OIDC request) even when its cache answers, and a wait makes a request every poll.
        if (!skipCache && current && Date.now() < current.renewAt)
            return current.token;
        // Refused already (a secret revoked, say): the current token serves while it lasts, then the refusal.
        if (refused) {
            if (!skipCache && current && Date.now() < current.expiresAt)
                return current.token;
            throw refused;
        }
        let token;
        let expiresOn;
        try {
            const result = await app.acquireTokenByClientCredential({ scopes: [target.scope], skipCache });
            token = result?.accessToken;
            expiresOn = result?.expiresOn;
        }
        catch (error) {
            if (signal?.aborted)
                throw signal.reason; // cancelled or past the deadline, whatever MSAL wrapped it in
            const failure = signInFailure(error);
            if (!(failure instanceof SignInUnavailableError))
                refused = failure;
            // A renewal ahead of expiry that fails keeps the token it would have replaced: it is still
            // good, and a later request tries again (after an outage). After a 401 (skipCache) that token is spent.
            if (!skipCache && current && Date.now() < current.expiresAt) {
                current.renewAt = Math.min(current.expiresAt, Date.now() + backoff.maxDelayMs);
                const later = refused ? 'until then (a refused renewal is not asked again)' : 'and renewal is tried again later';
                const line = `Renewing the access token failed (${failure.message}); the current one is valid until ${new Date(current.expiresAt).toISOString()}, so it is used ${later}.`;
                if (renewalFailures++ === 0)
                    log.warning(line);
                else
                    log.debug(line);
                return current.token;
            }
            throw failure;
        }
        renewalFailures = 0;
        if (!token)
            throw new ActionError(`Signing in to Microsoft Entra ID with ${via} gave no access token.`);
        const isNew = token !== current?.token;
        const renewAt = renewalTime(expiresOn);
        current = { token, renewAt, expiresAt: expiresOn ? expiresOn.getTime() : renewAt };
        if (isNew) {
            core_setSecret(token);
            issued++;
            const until = expiresOn ? `, valid until ${expiresOn.toISOString()}` : '';
            if (issued === 1)
                log.info(`Signed in to Microsoft Entra ID as app ${auth.clientId} with ${via}${until}.`);
            else
                log.info(`Renewed the access token${until}.`);
        }
        return token;
    }
    return {
        renewable: true,
        getToken: () => acquire(false),
        renew: () => acquire(true),
        rejectionHint: () => `The ${target.apiName} rejected the access token Microsoft Entra ID issued to app ${auth.clientId}: check that tenant-id ${auth.tenantId} is the tenant of the Partner Center account, and that the app's service principal was added to that account.`
    };
}

;// CONCATENATED MODULE: ./src/auth/azure-cli-token-provider.ts
// Access tokens from the Azure CLI session an earlier azure/login step left, when the step gives no
// sign-in of its own. One sign-in, asked for the resource of each API it talks to: each resource has
// its own token, renewed shortly before it expires and after a 401 (each by running `az` again).






/** Who the token was issued to, from its claims (a user's name, or an app's id): never the token. */
function issuedTo(token) {
    const claims = decodeJwtClaims(token);
    const user = [claims?.upn, claims?.preferred_username, claims?.unique_name].find((v) => typeof v === 'string' && v);
    if (typeof user === 'string')
        return `user ${serviceText(user, 120)}`;
    const app = [claims?.appid, claims?.azp].find((v) => typeof v === 'string' && v);
    if (typeof app === 'string')
        return `app ${serviceText(app, 64)}`;
    return 'an identity its token does not name';
}
/**
 * `run`: how `az` runs (its timeout, the step's signal). `backoff.maxDelayMs`: how soon a renewal
 * ahead of expiry that failed is tried again.
 */
function azureCliSignIn(run, backoff) {
    const providers = new Map();
    return {
        tokensFor(target) {
            let provider = providers.get(target.resource);
            if (!provider) {
                provider = resourceTokens(target, run, backoff.maxDelayMs);
                providers.set(target.resource, provider);
            }
            return provider;
        }
    };
}
function resourceTokens({ resource, apiName }, run, retryMs) {
    let current;
    let who = '';
    let issued = 0;
    let renewalFailures = 0;
    async function fromCli() {
        log.debug(`Running az account get-access-token --output json --resource ${resource} (the Azure CLI session).`);
        const { accessToken, expiresOn } = await azureCliToken(resource, run);
        return { token: accessToken, expiresOn };
    }
    function keep(token, expiresOn) {
        const isNew = token !== current?.token;
        current = { token, renewAt: renewalTime(expiresOn), expiresAt: expiresOn.getTime() };
        renewalFailures = 0;
        if (isNew) {
            issued++;
            const until = `valid until ${expiresOn.toISOString()}`;
            if (issued === 1) {
                who = issuedTo(token);
                log.info(`Signed in with the Azure CLI session (azure/login) as ${who}, for ${resource}, ${until}.`);
            }
            else
                log.info(`Renewed the access token for ${resource} from the Azure CLI session, ${until}.`);
        }
        return token;
    }
    async function getToken() {
        if (current && Date.now() < current.renewAt)
            return current.token;
        let answer;
        try {
            answer = await fromCli();
        }
        catch (error) {
            if (run.signal?.aborted)
                throw run.signal.reason;
            // A renewal ahead of expiry that fails keeps the token it would have replaced: it is still good,
            // and a later request tries again. A fault of the action's own fails as it is.
            if (error instanceof ActionError && current && Date.now() < current.expiresAt) {
                current.renewAt = Math.min(current.expiresAt, Date.now() + retryMs);
                const line = `Renewing the access token from the Azure CLI failed (${error.message}); the current one is valid until ${new Date(current.expiresAt).toISOString()}, so it is used and renewal is tried again later.`;
                if (renewalFailures++ === 0)
                    log.warning(line);
                else
                    log.debug(line);
                return current.token;
            }
            throw error;
        }
        return keep(answer.token, answer.expiresOn);
    }
    async function renew(rejected) {
        const { token, expiresOn } = await fromCli();
        // The CLI serves its cached token until shortly before it expires, and cannot be told to skip
        // its cache: the same token again is no fresh one.
        if (rejected !== undefined && token === rejected) {
            log.info(`The Azure CLI gave the rejected token for ${resource} again (it renews a token only shortly before it expires).`);
            return undefined;
        }
        return keep(token, expiresOn);
    }
    return {
        renewable: true,
        getToken,
        renew,
        rejectionHint: () => `The ${apiName} rejected the access token of the Azure CLI session (azure/login) for ${who || 'its identity'}: check that this identity (the app registration, or managed identity, azure/login signed in with) was added to the Partner Center account (Account settings > User management > Microsoft Entra applications), and that azure/login signed in to the tenant of that account.`
    };
}

;// CONCATENATED MODULE: ./src/auth/static-token.ts
// A token passed in by the caller: used as is, never renewed; its expiry is read when it says.


const SIGN_IN_INSTEAD = "Sign in with 'client-id' and 'tenant-id' instead (GitHub OIDC or a client secret): the action then renews its tokens.";
/** `resource`: the API's (see its descriptor), named in the advice after a 401. */
function staticTokenProvider(token, resource) {
    return {
        renewable: false,
        getToken: async () => token,
        renew: async () => undefined,
        rejectionHint: () => {
            const expiry = jwtExpiry(token);
            if (expiry && expiry.getTime() <= Date.now()) {
                return `The 'token' input expired at ${expiry.toISOString()}. ${SIGN_IN_INSTEAD}`;
            }
            return `The 'token' input was rejected: it is malformed, for another resource, or expired (Entra ID access tokens for ${resource} live about an hour).`;
        }
    };
}
/** A warning when a static token will expire before a wait of `timeoutMs` can end. */
function expiryWarning(token, timeoutMs, now = Date.now()) {
    const expiry = jwtExpiry(token);
    if (!expiry || expiry.getTime() >= now + timeoutMs)
        return undefined;
    const when = expiry.getTime() <= now ? 'has already expired' : `expires in ${formatDuration(expiry.getTime() - now)}`;
    return `The 'token' input ${when} (at ${expiry.toISOString()}), before the wait can end (timeout ${formatDuration(timeoutMs)}): from then on every status read fails with HTTP 401. ${SIGN_IN_INSTEAD}`;
}
/** A warning when a static JWT is for another API's resource (its `aud`), naming both. */
function audienceWarning(token, chosen, all) {
    const aud = decodeJwtClaims(token)?.aud;
    if (typeof aud !== 'string')
        return undefined;
    const other = all.find((api) => api.resource !== chosen.resource && api.audiences.includes(aud))?.resource;
    if (!other)
        return undefined;
    const { resource } = chosen;
    return `The 'token' input is for ${other} (its audience is '${aud}'), but the API chosen with 'api' takes tokens for ${resource}: every request will likely fail with HTTP 401. Get a token for ${resource}, or sign in with 'client-id' and 'tenant-id'.`;
}

;// CONCATENATED MODULE: ./src/run/sign-in.ts





async function signIn(config, api, transport, backoff, signal) {
    const { auth } = config;
    const { resource, scope } = api.signIn;
    if (auth.kind === 'azure-cli') {
        // `az` runs at the first token request, bounded like one request and stopped with the step.
        const cli = azureCliSignIn({ timeoutMs: config.requestTimeoutMs, signal }, backoff);
        return cli.tokensFor({ resource, apiName: api.displayName });
    }
    if (auth.kind !== 'token') {
        return entraTokenProvider(auth, { scope, apiName: api.displayName }, transport(), backoff, signal);
    }
    const waits = config.wait && !config.dryRun;
    const warnings = [
        audienceWarning(auth.token, api.signIn, allApis().map((other) => other.signIn)),
        waits ? expiryWarning(auth.token, config.timeoutMs) : undefined
    ];
    for (const warning of warnings)
        if (warning)
            log.warning(warning);
    return staticTokenProvider(auth.token, resource);
}

;// CONCATENATED MODULE: ./src/run/session.ts








/** The sign-in failed: the step's one failure; no offer sent anything. */
class SignInFailedError extends ActionError {
    name = 'SignInFailedError';
}
class Session {
    config;
    cancellation;
    backoff;
    transports = [];
    /** The brake every request of the step waits on (a Retry-After from the service); the pacer too. */
    throttle = new Throttle();
    /** What each offer of the step takes live: no product or offer twice (see GoLiveClaims). */
    claimed = new Map();
    claims = {
        claim: (key, label) => {
            const holder = this.claimed.get(key.toLowerCase());
            if (holder !== undefined && holder !== label)
                return holder;
            this.claimed.set(key.toLowerCase(), label);
            return undefined;
        }
    };
    /** What every offer's lists hold at once (http/list-budget.ts): the step's memory stays bounded. */
    lists = new ListBudget();
    /** Each API's token source (its own sign-in audience), made when an offer first needs that API. */
    tokens = new Map();
    apiTransport;
    services = 0;
    constructor(config, cancellation) {
        this.config = config;
        this.cancellation = cancellation;
        this.backoff = backoffFor(config.pollIntervalMs);
    }
    /**
     * Signs in once, before any request to the API: a sign-in that fails is the step's one failure,
     * and every later ask for a token gets it at once (shared-tokens.ts). Throws it in words, saying
     * that nothing was sent.
     */
    async signIn() {
        const [first] = this.config.targets;
        if (!first)
            throw new Error('signIn() with no API to sign in to');
        try {
            await (await this.tokensFor(first.descriptor)).getToken();
        }
        catch (error) {
            if (error instanceof CancelledError)
                throw new SignInFailedError(`${error.message} while signing in: nothing was sent.`);
            if (error instanceof DeadlineError) {
                throw new SignInFailedError(`The timeout (${formatDuration(this.config.timeoutMs)}) passed while signing in: nothing was sent.`);
            }
            // A fault of the action's own stays one (its stack goes to the debug log).
            if (!(error instanceof ActionError))
                throw error;
            throw new SignInFailedError(`${error.message.replace(/\.$/, '')}: nothing was sent.`);
        }
    }
    /** The token source for an API's audience: one per API for the step, shared by its offers. */
    tokensFor(api) {
        let tokens = this.tokens.get(api.api);
        if (!tokens) {
            const { signal } = this.cancellation;
            tokens = signIn(this.config, api, () => this.transport(), this.backoff, signal).then(sharedTokens);
            this.tokens.set(api.api, tokens);
        }
        return tokens;
    }
    /**
     * An API's service for one offer, on the session's sign-in for that API and its transport;
     * `progress` follows its go-live request.
     */
    async serviceFor(subject, target, progress) {
        const { config, cancellation } = this;
        const tokens = await this.tokensFor(target.descriptor);
        this.apiTransport ??= this.transport();
        // Only a run that waits polls: the API may warn of an interval it finds too short, once a step.
        const waits = config.wait && !config.dryRun && this.services++ === 0;
        const options = {
            subject,
            baseUrl: target.baseUrl,
            apiVersion: target.apiVersion,
            transport: this.apiTransport,
            tokens,
            backoff: this.backoff,
            signal: cancellation.signal,
            cancelled: cancellation.cancelled,
            deadline: cancellation.deadline,
            throttle: this.throttle,
            lists: this.lists,
            pollIntervalMs: waits ? config.pollIntervalMs : undefined,
            retryFailed: config.retryFailed,
            claims: this.claims,
            progress
        };
        return target.descriptor.createService(options);
    }
    dispose() {
        for (const transport of this.transports)
            transport.dispose();
    }
    transport() {
        const transport = createTransport(this.config.requestTimeoutMs);
        this.transports.push(transport);
        return transport;
    }
}

;// CONCATENATED MODULE: ./src/wait/cancellation.ts
// The step's two ends: SIGINT/SIGTERM (a cancelled workflow) and its one deadline, made once when the
// step starts. `signal` aborts at either: every read, retry, look and sleep in flight stops there, so
// `timeout` is a hard limit. `cancelled` aborts at a signal only: a go-live request already on its
// way is not cut by the deadline (its answer names the go-live it started), only by a cancellation.


function watchForCancellation() {
    const onSignal = new AbortController();
    const either = new AbortController();
    const signals = ['SIGINT', 'SIGTERM'];
    let deadline = Infinity;
    let deadlineTimer;
    const abort = (reason) => {
        if (!either.signal.aborted)
            either.abort(reason);
    };
    const handler = (name) => {
        if (onSignal.signal.aborted)
            process.exit(1); // a second signal: no more grace
        const reason = new CancelledError(name);
        onSignal.abort(reason);
        abort(reason);
    };
    for (const name of signals)
        process.on(name, handler);
    return {
        signal: either.signal,
        cancelled: onSignal.signal,
        get deadline() {
            return deadline;
        },
        setDeadline(epochMs) {
            if (deadline !== Infinity)
                throw new Error('The step has one deadline: setDeadline() twice');
            deadline = epochMs;
            const remaining = epochMs - Date.now();
            if (remaining <= 0)
                return abort(new DeadlineError());
            // Inputs keep deadlines inside the timer range; clamp anyway rather than fire at once.
            deadlineTimer = setTimeout(() => abort(new DeadlineError()), Math.min(remaining, MAX_TIMER_MS));
        },
        // The handlers stay until the process exits (they keep nothing alive): a signal that comes as the
        // step ends must not kill it with its outputs half written.
        dispose: () => clearTimeout(deadlineTimer)
    };
}

;// CONCATENATED MODULE: ./src/main.ts
// The story of one run: read the inputs, sign in once, take each offer live (or report a dry run),
// and leave the outputs and a summary whatever happened. Each step is a module of src/run/. The
// step's part (inputs, its one deadline, sign-in, transport, cancellation, outputs) is run(); the
// offers go side by side in a fleet, one offer being a fleet of one (src/run/go-live.ts).







async function run() {
    const startedAt = Date.now();
    const cancellation = watchForCancellation();
    let config;
    let session;
    let fleet;
    let stepError;
    try {
        config = getConfig();
        // The step's one deadline: sign-in, pre-checks, requests and waits of every offer end by it.
        cancellation.setDeadline(startedAt + config.timeoutMs);
        fleet = new Fleet(config);
        session = new Session(config, cancellation);
        announce(config);
        await session.signIn();
        // Each offer's failure stays its own (its outcome); only a failure of the step lands below.
        await fleet.run(session, config.dryRun ? go_live_dryRun : goLive, config, cancellation);
    }
    catch (error) {
        // Also before the inputs are read: an input refused is its message; a fault of ours, a fault.
        stepError = stepFailureText(error);
    }
    finally {
        // Each on its own: a failure in one must not undo the others (see run/outputs.ts).
        await guarded('close the connections', () => session?.dispose());
        await writeStepEnd({
            offers: fleet?.offers ?? [],
            results: fleet?.results,
            stepError,
            dryRun: config?.dryRun,
            wait: config?.wait,
            elapsedMs: Date.now() - startedAt
        });
        cancellation.dispose();
    }
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
