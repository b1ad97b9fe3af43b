(() => {
  var __defProp = Object.defineProperty;
  var __defNormalProp = (obj, key, value) => key in obj ? __defProp(obj, key, { enumerable: true, configurable: true, writable: true, value }) : obj[key] = value;
  var __publicField = (obj, key, value) => __defNormalProp(obj, typeof key !== "symbol" ? key + "" : key, value);

  // samples/Blog/clients/actions.ts
  var ActionsClient = class {
    constructor(baseUrl, http) {
      __publicField(this, "http");
      __publicField(this, "baseUrl");
      __publicField(this, "jsonParseReviver");
      this.http = http ? http : window;
      this.baseUrl = baseUrl ?? "http://127.0.0.1:5080";
    }
    /**
     * @param postId (optional) The post to attach the image to.
     * @param file (optional) A PNG, JPEG, GIF or WebP image of at most 1 MiB.
     * @return OK
     */
    addAttachment(postId2, file, signal) {
      let url_ = this.baseUrl + "/_actions/AddAttachment";
      url_ = url_.replace(/[?&]$/, "");
      const content_ = new FormData();
      if (postId2 === null || postId2 === void 0)
        throw new globalThis.Error("The parameter 'postId' cannot be null.");
      else
        content_.append("postId", postId2.toString());
      if (file !== null && file !== void 0)
        content_.append("file", file.data, file.fileName ? file.fileName : "file");
      let options_ = {
        body: content_,
        method: "POST",
        signal,
        headers: {
          "Accept": "application/json"
        }
      };
      return this.http.fetch(url_, options_).then((_response) => {
        return this.processAddAttachment(_response);
      });
    }
    processAddAttachment(response) {
      const status = response.status;
      let _headers = {};
      if (response.headers && response.headers.forEach) {
        response.headers.forEach((v, k) => _headers[k] = v);
      }
      ;
      if (status === 200) {
        return response.text().then((_responseText) => {
          let result200 = null;
          result200 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return result200;
        });
      } else if (status === 400) {
        return response.text().then((_responseText) => {
          let result400 = null;
          result400 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Bad Request: code one of validation_failed, invalid_json, bad_request. An argument is missing or invalid; 'errors' lists the fields. The body is not well-formed JSON or does not fit the arguments. The body could not be read.", status, _responseText, _headers, result400);
        });
      } else if (status === 403) {
        return response.text().then((_responseText) => {
          let result403 = null;
          result403 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Forbidden: code cross_site_request. Posted from another site.", status, _responseText, _headers, result403);
        });
      } else if (status === 404) {
        return response.text().then((_responseText) => {
          let result404 = null;
          result404 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Not Found: code post_not_found. No post has this id.", status, _responseText, _headers, result404);
        });
      } else if (status === 413) {
        return response.text().then((_responseText) => {
          let result413 = null;
          result413 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Payload Too Large: code payload_too_large. The body is larger than the action accepts.", status, _responseText, _headers, result413);
        });
      } else if (status === 415) {
        return response.text().then((_responseText) => {
          let result415 = null;
          result415 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Unsupported Media Type: code unsupported_media_type. The arguments are neither JSON nor a form.", status, _responseText, _headers, result415);
        });
      } else if (status === 500) {
        return response.text().then((_responseText) => {
          let result500 = null;
          result500 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Internal Server Error: code internal_error. Unexpected error; the problem carries a trace id only.", status, _responseText, _headers, result500);
        });
      } else if (status !== 200 && status !== 204) {
        return response.text().then((_responseText) => {
          return throwException("An unexpected server error occurred.", status, _responseText, _headers);
        });
      }
      return Promise.resolve(null);
    }
    /**
     * @return OK
     */
    createComment(body, signal) {
      let url_ = this.baseUrl + "/_actions/CreateComment";
      url_ = url_.replace(/[?&]$/, "");
      const content_ = JSON.stringify(body);
      let options_ = {
        body: content_,
        method: "POST",
        signal,
        headers: {
          "Content-Type": "application/json",
          "Accept": "application/json"
        }
      };
      return this.http.fetch(url_, options_).then((_response) => {
        return this.processCreateComment(_response);
      });
    }
    processCreateComment(response) {
      const status = response.status;
      let _headers = {};
      if (response.headers && response.headers.forEach) {
        response.headers.forEach((v, k) => _headers[k] = v);
      }
      ;
      if (status === 200) {
        return response.text().then((_responseText) => {
          let result200 = null;
          result200 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return result200;
        });
      } else if (status === 400) {
        return response.text().then((_responseText) => {
          let result400 = null;
          result400 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Bad Request: code one of validation_failed, invalid_json, bad_request. An argument is missing or invalid; 'errors' lists the fields. The body is not well-formed JSON or does not fit the arguments. The body could not be read.", status, _responseText, _headers, result400);
        });
      } else if (status === 403) {
        return response.text().then((_responseText) => {
          let result403 = null;
          result403 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Forbidden: code cross_site_request. Posted from another site.", status, _responseText, _headers, result403);
        });
      } else if (status === 404) {
        return response.text().then((_responseText) => {
          let result404 = null;
          result404 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Not Found: code post_not_found. No post has this id.", status, _responseText, _headers, result404);
        });
      } else if (status === 413) {
        return response.text().then((_responseText) => {
          let result413 = null;
          result413 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Payload Too Large: code payload_too_large. The body is larger than the action accepts.", status, _responseText, _headers, result413);
        });
      } else if (status === 415) {
        return response.text().then((_responseText) => {
          let result415 = null;
          result415 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Unsupported Media Type: code unsupported_media_type. The arguments are neither JSON nor a form.", status, _responseText, _headers, result415);
        });
      } else if (status === 429) {
        return response.text().then((_responseText) => {
          let result429 = null;
          result429 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Too Many Requests: code rate_limited. Too many requests; Retry-After says when to try again.", status, _responseText, _headers, result429);
        });
      } else if (status === 500) {
        return response.text().then((_responseText) => {
          let result500 = null;
          result500 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Internal Server Error: code internal_error. Unexpected error; the problem carries a trace id only.", status, _responseText, _headers, result500);
        });
      } else if (status !== 200 && status !== 204) {
        return response.text().then((_responseText) => {
          return throwException("An unexpected server error occurred.", status, _responseText, _headers);
        });
      }
      return Promise.resolve(null);
    }
    /**
     * @return No Content
     */
    deleteComment(body, signal) {
      let url_ = this.baseUrl + "/_actions/DeleteComment";
      url_ = url_.replace(/[?&]$/, "");
      const content_ = JSON.stringify(body);
      let options_ = {
        body: content_,
        method: "POST",
        signal,
        headers: {
          "Content-Type": "application/json"
        }
      };
      return this.http.fetch(url_, options_).then((_response) => {
        return this.processDeleteComment(_response);
      });
    }
    processDeleteComment(response) {
      const status = response.status;
      let _headers = {};
      if (response.headers && response.headers.forEach) {
        response.headers.forEach((v, k) => _headers[k] = v);
      }
      ;
      if (status === 204) {
        return response.text().then((_responseText) => {
          return;
        });
      } else if (status === 400) {
        return response.text().then((_responseText) => {
          let result400 = null;
          result400 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Bad Request: code one of validation_failed, invalid_json, bad_request. An argument is missing or invalid; 'errors' lists the fields. The body is not well-formed JSON or does not fit the arguments. The body could not be read.", status, _responseText, _headers, result400);
        });
      } else if (status === 401) {
        return response.text().then((_responseText) => {
          let result401 = null;
          result401 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Unauthorized: code unauthorized. The request carries no credential the endpoint accepts.", status, _responseText, _headers, result401);
        });
      } else if (status === 403) {
        return response.text().then((_responseText) => {
          let result403 = null;
          result403 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Forbidden: code one of cross_site_request, forbidden. Posted from another site. The caller may not do this.", status, _responseText, _headers, result403);
        });
      } else if (status === 404) {
        return response.text().then((_responseText) => {
          let result404 = null;
          result404 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Not Found: code comment_not_found. The post has no comment with this id.", status, _responseText, _headers, result404);
        });
      } else if (status === 413) {
        return response.text().then((_responseText) => {
          let result413 = null;
          result413 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Payload Too Large: code payload_too_large. The body is larger than the action accepts.", status, _responseText, _headers, result413);
        });
      } else if (status === 415) {
        return response.text().then((_responseText) => {
          let result415 = null;
          result415 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Unsupported Media Type: code unsupported_media_type. The arguments are neither JSON nor a form.", status, _responseText, _headers, result415);
        });
      } else if (status === 500) {
        return response.text().then((_responseText) => {
          let result500 = null;
          result500 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Internal Server Error: code internal_error. Unexpected error; the problem carries a trace id only.", status, _responseText, _headers, result500);
        });
      } else if (status !== 200 && status !== 204) {
        return response.text().then((_responseText) => {
          return throwException("An unexpected server error occurred.", status, _responseText, _headers);
        });
      }
      return Promise.resolve(null);
    }
    /**
     * @return OK
     */
    getComment(body, signal) {
      let url_ = this.baseUrl + "/_actions/GetComment";
      url_ = url_.replace(/[?&]$/, "");
      const content_ = JSON.stringify(body);
      let options_ = {
        body: content_,
        method: "POST",
        signal,
        headers: {
          "Content-Type": "application/json",
          "Accept": "application/json"
        }
      };
      return this.http.fetch(url_, options_).then((_response) => {
        return this.processGetComment(_response);
      });
    }
    processGetComment(response) {
      const status = response.status;
      let _headers = {};
      if (response.headers && response.headers.forEach) {
        response.headers.forEach((v, k) => _headers[k] = v);
      }
      ;
      if (status === 200) {
        return response.text().then((_responseText) => {
          let result200 = null;
          result200 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return result200;
        });
      } else if (status === 400) {
        return response.text().then((_responseText) => {
          let result400 = null;
          result400 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Bad Request: code one of validation_failed, invalid_json, bad_request. An argument is missing or invalid; 'errors' lists the fields. The body is not well-formed JSON or does not fit the arguments. The body could not be read.", status, _responseText, _headers, result400);
        });
      } else if (status === 403) {
        return response.text().then((_responseText) => {
          let result403 = null;
          result403 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Forbidden: code cross_site_request. Posted from another site.", status, _responseText, _headers, result403);
        });
      } else if (status === 404) {
        return response.text().then((_responseText) => {
          let result404 = null;
          result404 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Not Found: code comment_not_found. The post has no comment with this id.", status, _responseText, _headers, result404);
        });
      } else if (status === 413) {
        return response.text().then((_responseText) => {
          let result413 = null;
          result413 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Payload Too Large: code payload_too_large. The body is larger than the action accepts.", status, _responseText, _headers, result413);
        });
      } else if (status === 415) {
        return response.text().then((_responseText) => {
          let result415 = null;
          result415 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Unsupported Media Type: code unsupported_media_type. The arguments are neither JSON nor a form.", status, _responseText, _headers, result415);
        });
      } else if (status === 500) {
        return response.text().then((_responseText) => {
          let result500 = null;
          result500 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Internal Server Error: code internal_error. Unexpected error; the problem carries a trace id only.", status, _responseText, _headers, result500);
        });
      } else if (status !== 200 && status !== 204) {
        return response.text().then((_responseText) => {
          return throwException("An unexpected server error occurred.", status, _responseText, _headers);
        });
      }
      return Promise.resolve(null);
    }
    /**
     * @return OK
     */
    getPost(body, signal) {
      let url_ = this.baseUrl + "/_actions/GetPost";
      url_ = url_.replace(/[?&]$/, "");
      const content_ = JSON.stringify(body);
      let options_ = {
        body: content_,
        method: "POST",
        signal,
        headers: {
          "Content-Type": "application/json",
          "Accept": "application/json"
        }
      };
      return this.http.fetch(url_, options_).then((_response) => {
        return this.processGetPost(_response);
      });
    }
    processGetPost(response) {
      const status = response.status;
      let _headers = {};
      if (response.headers && response.headers.forEach) {
        response.headers.forEach((v, k) => _headers[k] = v);
      }
      ;
      if (status === 200) {
        return response.text().then((_responseText) => {
          let result200 = null;
          result200 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return result200;
        });
      } else if (status === 400) {
        return response.text().then((_responseText) => {
          let result400 = null;
          result400 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Bad Request: code one of validation_failed, invalid_json, bad_request. An argument is missing or invalid; 'errors' lists the fields. The body is not well-formed JSON or does not fit the arguments. The body could not be read.", status, _responseText, _headers, result400);
        });
      } else if (status === 403) {
        return response.text().then((_responseText) => {
          let result403 = null;
          result403 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Forbidden: code cross_site_request. Posted from another site.", status, _responseText, _headers, result403);
        });
      } else if (status === 404) {
        return response.text().then((_responseText) => {
          let result404 = null;
          result404 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Not Found: code post_not_found. No post has this id.", status, _responseText, _headers, result404);
        });
      } else if (status === 413) {
        return response.text().then((_responseText) => {
          let result413 = null;
          result413 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Payload Too Large: code payload_too_large. The body is larger than the action accepts.", status, _responseText, _headers, result413);
        });
      } else if (status === 415) {
        return response.text().then((_responseText) => {
          let result415 = null;
          result415 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Unsupported Media Type: code unsupported_media_type. The arguments are neither JSON nor a form.", status, _responseText, _headers, result415);
        });
      } else if (status === 500) {
        return response.text().then((_responseText) => {
          let result500 = null;
          result500 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Internal Server Error: code internal_error. Unexpected error; the problem carries a trace id only.", status, _responseText, _headers, result500);
        });
      } else if (status !== 200 && status !== 204) {
        return response.text().then((_responseText) => {
          return throwException("An unexpected server error occurred.", status, _responseText, _headers);
        });
      }
      return Promise.resolve(null);
    }
    /**
     * @return OK
     */
    listPosts(body, signal) {
      let url_ = this.baseUrl + "/_actions/ListPosts";
      url_ = url_.replace(/[?&]$/, "");
      const content_ = JSON.stringify(body);
      let options_ = {
        body: content_,
        method: "POST",
        signal,
        headers: {
          "Content-Type": "application/json",
          "Accept": "application/json"
        }
      };
      return this.http.fetch(url_, options_).then((_response) => {
        return this.processListPosts(_response);
      });
    }
    processListPosts(response) {
      const status = response.status;
      let _headers = {};
      if (response.headers && response.headers.forEach) {
        response.headers.forEach((v, k) => _headers[k] = v);
      }
      ;
      if (status === 200) {
        return response.text().then((_responseText) => {
          let result200 = null;
          result200 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return result200;
        });
      } else if (status === 400) {
        return response.text().then((_responseText) => {
          let result400 = null;
          result400 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Bad Request: code one of validation_failed, invalid_json, bad_request. An argument is missing or invalid; 'errors' lists the fields. The body is not well-formed JSON or does not fit the arguments. The body could not be read.", status, _responseText, _headers, result400);
        });
      } else if (status === 403) {
        return response.text().then((_responseText) => {
          let result403 = null;
          result403 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Forbidden: code cross_site_request. Posted from another site.", status, _responseText, _headers, result403);
        });
      } else if (status === 413) {
        return response.text().then((_responseText) => {
          let result413 = null;
          result413 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Payload Too Large: code payload_too_large. The body is larger than the action accepts.", status, _responseText, _headers, result413);
        });
      } else if (status === 415) {
        return response.text().then((_responseText) => {
          let result415 = null;
          result415 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Unsupported Media Type: code unsupported_media_type. The arguments are neither JSON nor a form.", status, _responseText, _headers, result415);
        });
      } else if (status === 500) {
        return response.text().then((_responseText) => {
          let result500 = null;
          result500 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Internal Server Error: code internal_error. Unexpected error; the problem carries a trace id only.", status, _responseText, _headers, result500);
        });
      } else if (status !== 200 && status !== 204) {
        return response.text().then((_responseText) => {
          return throwException("An unexpected server error occurred.", status, _responseText, _headers);
        });
      }
      return Promise.resolve(null);
    }
    /**
     * @return No Content
     */
    signIn(body, signal) {
      let url_ = this.baseUrl + "/_actions/SignIn";
      url_ = url_.replace(/[?&]$/, "");
      const content_ = JSON.stringify(body);
      let options_ = {
        body: content_,
        method: "POST",
        signal,
        headers: {
          "Content-Type": "application/json"
        }
      };
      return this.http.fetch(url_, options_).then((_response) => {
        return this.processSignIn(_response);
      });
    }
    processSignIn(response) {
      const status = response.status;
      let _headers = {};
      if (response.headers && response.headers.forEach) {
        response.headers.forEach((v, k) => _headers[k] = v);
      }
      ;
      if (status === 204) {
        return response.text().then((_responseText) => {
          return;
        });
      } else if (status === 400) {
        return response.text().then((_responseText) => {
          let result400 = null;
          result400 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Bad Request: code one of validation_failed, invalid_json, bad_request. An argument is missing or invalid; 'errors' lists the fields. The body is not well-formed JSON or does not fit the arguments. The body could not be read.", status, _responseText, _headers, result400);
        });
      } else if (status === 401) {
        return response.text().then((_responseText) => {
          let result401 = null;
          result401 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Unauthorized: code invalid_credentials. The user name or the password is wrong.", status, _responseText, _headers, result401);
        });
      } else if (status === 403) {
        return response.text().then((_responseText) => {
          let result403 = null;
          result403 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Forbidden: code cross_site_request. Posted from another site.", status, _responseText, _headers, result403);
        });
      } else if (status === 413) {
        return response.text().then((_responseText) => {
          let result413 = null;
          result413 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Payload Too Large: code payload_too_large. The body is larger than the action accepts.", status, _responseText, _headers, result413);
        });
      } else if (status === 415) {
        return response.text().then((_responseText) => {
          let result415 = null;
          result415 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Unsupported Media Type: code unsupported_media_type. The arguments are neither JSON nor a form.", status, _responseText, _headers, result415);
        });
      } else if (status === 500) {
        return response.text().then((_responseText) => {
          let result500 = null;
          result500 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Internal Server Error: code internal_error. Unexpected error; the problem carries a trace id only.", status, _responseText, _headers, result500);
        });
      } else if (status !== 200 && status !== 204) {
        return response.text().then((_responseText) => {
          return throwException("An unexpected server error occurred.", status, _responseText, _headers);
        });
      }
      return Promise.resolve(null);
    }
    /**
     * @return No Content
     */
    signOut(body, signal) {
      let url_ = this.baseUrl + "/_actions/SignOut";
      url_ = url_.replace(/[?&]$/, "");
      const content_ = JSON.stringify(body);
      let options_ = {
        body: content_,
        method: "POST",
        signal,
        headers: {
          "Content-Type": "application/json"
        }
      };
      return this.http.fetch(url_, options_).then((_response) => {
        return this.processSignOut(_response);
      });
    }
    processSignOut(response) {
      const status = response.status;
      let _headers = {};
      if (response.headers && response.headers.forEach) {
        response.headers.forEach((v, k) => _headers[k] = v);
      }
      ;
      if (status === 204) {
        return response.text().then((_responseText) => {
          return;
        });
      } else if (status === 400) {
        return response.text().then((_responseText) => {
          let result400 = null;
          result400 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Bad Request: code one of validation_failed, invalid_json, bad_request. An argument is missing or invalid; 'errors' lists the fields. The body is not well-formed JSON or does not fit the arguments. The body could not be read.", status, _responseText, _headers, result400);
        });
      } else if (status === 403) {
        return response.text().then((_responseText) => {
          let result403 = null;
          result403 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Forbidden: code cross_site_request. Posted from another site.", status, _responseText, _headers, result403);
        });
      } else if (status === 413) {
        return response.text().then((_responseText) => {
          let result413 = null;
          result413 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Payload Too Large: code payload_too_large. The body is larger than the action accepts.", status, _responseText, _headers, result413);
        });
      } else if (status === 415) {
        return response.text().then((_responseText) => {
          let result415 = null;
          result415 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Unsupported Media Type: code unsupported_media_type. The arguments are neither JSON nor a form.", status, _responseText, _headers, result415);
        });
      } else if (status === 500) {
        return response.text().then((_responseText) => {
          let result500 = null;
          result500 = _responseText === "" ? null : JSON.parse(_responseText, this.jsonParseReviver);
          return throwException("Internal Server Error: code internal_error. Unexpected error; the problem carries a trace id only.", status, _responseText, _headers, result500);
        });
      } else if (status !== 200 && status !== 204) {
        return response.text().then((_responseText) => {
          return throwException("An unexpected server error occurred.", status, _responseText, _headers);
        });
      }
      return Promise.resolve(null);
    }
  };
  var ApiException = class extends Error {
    constructor(message, status, response, headers, result) {
      super();
      __publicField(this, "message");
      __publicField(this, "status");
      __publicField(this, "response");
      __publicField(this, "headers");
      __publicField(this, "result");
      __publicField(this, "isApiException", true);
      this.message = message;
      this.status = status;
      this.response = response;
      this.headers = headers;
      this.result = result;
    }
    static isApiException(obj) {
      return obj.isApiException === true;
    }
  };
  function throwException(message, status, response, headers, result) {
    throw new ApiException(message, status, response, headers, result);
  }

  // samples/Blog/scripts/hybrid-fetch.ts
  var tokenCookie = "XSRF-TOKEN";
  var tokenHeader = "X-XSRF-TOKEN";
  function readCookie(name) {
    for (const pair of document.cookie.split("; ")) {
      const separator = pair.indexOf("=");
      if (separator > 0 && pair.substring(0, separator) === name) {
        return decodeURIComponent(pair.substring(separator + 1));
      }
    }
    return void 0;
  }
  var listeners = [];
  var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("hybrid-revalidated") : void 0;
  channel?.addEventListener("message", (event) => notify(event.data));
  function onRevalidated(listener) {
    listeners.push(listener);
  }
  function notify(stale) {
    for (const listener of listeners) {
      listener(stale);
    }
  }
  function parseRevalidated(header) {
    if (!header) {
      return void 0;
    }
    const list = (key) => {
      const match = new RegExp(key + "=\\(([^)]*)\\)").exec(header);
      const items = match?.[1] ?? "";
      return [...items.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? "").replace(/\\(.)/g, "$1"));
    };
    return { tags: list("tags"), paths: list("paths") };
  }
  var hybridFetch = {
    async fetch(url, init) {
      const headers = new Headers(init?.headers);
      const token = readCookie(tokenCookie);
      if (token !== void 0 && !headers.has(tokenHeader)) {
        headers.set(tokenHeader, token);
      }
      const response = await fetch(url, { ...init, headers, credentials: "same-origin" });
      const stale = parseRevalidated(response.headers.get("Hybrid-Revalidated"));
      if (stale) {
        notify(stale);
        channel?.postMessage(stale);
      }
      return response;
    }
  };

  // samples/Blog/scripts/post-page.ts
  var actions = new ActionsClient(location.origin, hybridFetch);
  function errorSlots(form2) {
    return form2.querySelectorAll("[data-hybrid-error-for]");
  }
  function showProblem(form2, problem) {
    for (const slot of errorSlots(form2)) {
      const field = slot.dataset.hybridErrorFor ?? "";
      const messages = field === "" ? [] : problem?.errors?.[field] ?? [];
      slot.textContent = field === "" ? problem && !problem.errors ? problem.detail ?? problem.title : "" : messages.join(" ");
    }
  }
  function appendComment(comment) {
    if (document.querySelector(`#comments li.comment[data-id="${comment.id}"]`)) {
      return;
    }
    const item = document.createElement("li");
    item.className = "comment";
    item.dataset.id = String(comment.id);
    const author = document.createElement("strong");
    author.className = "author";
    author.textContent = comment.author;
    const body = document.createElement("span");
    body.className = "body";
    body.textContent = comment.body;
    item.append(author, ": ", body);
    document.getElementById("comments")?.append(item);
  }
  function enhance(form2) {
    form2.addEventListener("submit", async (event) => {
      event.preventDefault();
      const fields = new FormData(form2);
      showProblem(form2, null);
      try {
        const comment = await actions.createComment({
          postId: Number(fields.get("postId")),
          author: String(fields.get("author") ?? ""),
          body: String(fields.get("body") ?? "")
        });
        appendComment(comment);
        form2.reset();
      } catch (error) {
        if (ApiException.isApiException(error) && error.result) {
          showProblem(form2, error.result);
        } else {
          showProblem(form2, { type: "about:blank", title: "The comment could not be sent.", status: 0, code: "network", traceId: "" });
        }
      }
    });
  }
  var form = document.querySelector("form#comment-form");
  if (form) {
    enhance(form);
  }
  async function refreshComments(postId2) {
    const post = await actions.getPost({ postId: postId2 });
    const current = new Set(post.comments.map((c) => String(c.id)));
    for (const item of document.querySelectorAll("#comments li.comment")) {
      if (!current.has(item.dataset.id ?? "")) {
        item.remove();
      }
    }
    post.comments.forEach(appendComment);
  }
  var postId = Number(document.querySelector("input[name=postId]")?.value);
  if (postId > 0) {
    onRevalidated((stale) => {
      if (stale.tags.includes(`post:${postId}`) || stale.paths.includes(location.pathname)) {
        void refreshComments(postId);
      }
    });
  }
})();
