// Stockroom's Swagger UI plugin (added by shared.web.SwaggerSignIn). The documentation client's id is prefilled
// for the person's sign-in (authorization code); the machine's (client credentials) starts empty, since it needs
// an API client's own id and secret.
const StockroomSignIn = function () {
  return {
    wrapComponents: {
      oauth2: function (Original, system) {
        return function (props) {
          const flow = props.schema.get("flow");
          if (flow !== "clientCredentials" && flow !== "application") {
            return system.React.createElement(Original, props);
          }
          const configs = Object.assign({}, props.authSelectors.getConfigs(), { clientId: "", clientSecret: "" });
          const authSelectors = Object.assign({}, props.authSelectors, {
            getConfigs: function () {
              return configs;
            }
          });
          return system.React.createElement(Original, Object.assign({}, props, { authSelectors: authSelectors }));
        };
      }
    }
  };
};
