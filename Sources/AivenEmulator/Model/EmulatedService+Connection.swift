import KubeAPI

/// How a service is reached, in the fields of Aiven's `Service` object: `service_uri`,
/// `service_uri_params`, `components`, `connection_info` and `users`.
struct ConnectionDetails {
    var uri: JSONValue
    var uriParams: JSONValue
    var components: JSONValue
    var connectionInfo: JSONValue
    var users: JSONValue
}

extension EmulatedService {
    /// The service's host name, as Aiven forms it (`<service>-<project>.a.aivencloud.com`).
    func host(project: String) -> String { "\(name)-\(project).a.aivencloud.com" }

    /// A port in 10000–29999 stable for the service's name: Aiven gives every service its own
    /// ports; the other components use the next few.
    var basePort: Int {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return 10000 + Int(hash % 2000) * 10
    }

    /// Whether a boolean user_config option is on.
    func option(_ key: String) -> Bool { userConfig[key]?.boolValue == true }

    func connectionDetails(project: String) -> ConnectionDetails {
        switch type.name {
        case ServiceCatalog.kafka.name: kafkaConnection(project: project)
        case ServiceCatalog.postgreSQL.name: postgreSQLConnection(project: project)
        default: kafkaConnectConnection(project: project)
        }
    }

    private var user: [String: JSONValue] {
        var user: [String: JSONValue] = ["username": "avnadmin", "type": "primary"]
        if let credentials { user["password"] = .string(credentials.password) }
        return user
    }

    /// Kafka: a certificate-authenticated listener always (unless turned off), a SASL one when
    /// `kafka_authentication_methods.sasl` is on, and Schema Registry, Kafka REST and Kafka
    /// Connect when the user config enables them.
    private func kafkaConnection(project: String) -> ConnectionDetails {
        let host = host(project: project)
        let port = basePort
        let methods = userConfig["kafka_authentication_methods"]
        let certificate = methods?["certificate"]?.boolValue ?? true
        let sasl = methods?["sasl"]?.boolValue ?? false
        func component(_ name: String, _ port: Int, method: String? = nil) -> JSONValue {
            var item: [String: JSONValue] = [
                "component": .string(name), "host": .string(host), "port": .integer(Int64(port)),
                "route": "dynamic", "usage": "primary", "ssl": true,
            ]
            if let method {
                item["kafka_authentication_method"] = .string(method)
                item["kafka_ssl_ca"] = "project_ca"
            }
            return .object(item)
        }
        let password = credentials?.password ?? ""
        func httpsURI(_ port: Int) -> JSONValue { .string("https://avnadmin:\(password)@\(host):\(port)") }
        var components: [JSONValue] = []
        if certificate { components.append(component("kafka", port, method: "certificate")) }
        if sasl { components.append(component("kafka", port + 9, method: "sasl")) }
        if option("schema_registry") { components.append(component("schema_registry", port + 3)) }
        if option("kafka_rest") { components.append(component("kafka_rest", port + 2)) }
        if option("kafka_connect") { components.append(component("kafka_connect", port + 4)) }
        var info: [String: JSONValue] = [
            "kafka": [.string("\(host):\(port)")],
            "kafka_rest_uri": httpsURI(port + 2),
            "schema_registry_uri": httpsURI(port + 3),
        ]
        var user = user
        if let certificate = credentials?.accessCert, let key = credentials?.accessKey {
            info["kafka_access_cert"] = .string(certificate)
            info["kafka_access_key"] = .string(key)
            user["access_cert"] = .string(certificate)
            user["access_key"] = .string(key)
        }
        if option("kafka_connect") { info["kafka_connect_uri"] = httpsURI(port + 4) }
        return ConnectionDetails(
            uri: .string("\(host):\(port)"),
            uriParams: ["host": .string(host), "port": .string(String(port))],
            components: .array(components), connectionInfo: .object(info), users: [.object(user)])
    }

    /// Kafka Connect: its REST API over HTTPS with the `avnadmin` password.
    private func kafkaConnectConnection(project: String) -> ConnectionDetails {
        let host = host(project: project)
        var params: [String: JSONValue] = ["host": .string(host), "port": "443"]
        var uri = "https://\(host):443"
        if let credentials {
            params["user"] = "avnadmin"
            params["password"] = .string(credentials.password)
            uri = "https://avnadmin:\(credentials.password)@\(host):443"
        }
        return ConnectionDetails(
            uri: .string(uri), uriParams: .object(params),
            components: [["component": "kafka_connect", "host": .string(host), "port": 443, "route": "dynamic", "usage": "primary"]],
            connectionInfo: [:], users: [.object(user)])
    }

    /// PostgreSQL: the primary over TLS (`sslmode=require`) on the service's port, PgBouncer on
    /// the next one, database `defaultdb`, user `avnadmin` — or the `admin_username` the service
    /// was created with (its password is the `admin_password` it was created with, if any);
    /// `service_uri` is the libpq URI of all of
    /// them, `connection_info.pg` the same, `pg_params` its parts. A `business-*` or `premium-*`
    /// plan has standbys, reached through the `replica` host.
    private func postgreSQLConnection(project: String) -> ConnectionDetails {
        let host = host(project: project)
        let port = basePort
        let username = userConfig["admin_username"]?.stringValue ?? "avnadmin"
        let password = credentials?.password
        var params: [String: JSONValue] = [
            "host": .string(host), "port": .string(String(port)), "dbname": "defaultdb", "user": .string(username), "sslmode": "require",
        ]
        if let password { params["password"] = .string(password) }
        let userInfo = password.map { "\(username):\($0)" } ?? username
        let uri = "postgres://\(userInfo)@\(host):\(port)/defaultdb?sslmode=require"
        func component(_ name: String, _ host: String, _ port: Int, usage: String = "primary") -> JSONValue {
            ["component": .string(name), "host": .string(host), "port": .integer(Int64(port)), "route": "dynamic", "usage": .string(usage), "ssl": true]
        }
        var components = [component("pg", host, port), component("pgbouncer", host, port + 1)]
        var standby: [JSONValue] = []
        if (type.plan(named: plan)?.nodeCount ?? 1) > 1 {
            let replicaHost = "replica-\(host)"
            components.append(component("pg", replicaHost, port, usage: "replica"))
            standby.append(.string("postgres://\(userInfo)@\(replicaHost):\(port)/defaultdb?sslmode=require"))
        }
        var user: [String: JSONValue] = ["username": .string(username), "type": "primary"]
        if let password { user["password"] = .string(password) }
        return ConnectionDetails(
            uri: .string(uri), uriParams: .object(params), components: .array(components),
            connectionInfo: ["pg": [.string(uri)], "pg_params": [.object(params)], "pg_standby": .array(standby), "pg_syncing": []],
            users: [.object(user)])
    }
}
