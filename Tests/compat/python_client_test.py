"""Compatibility suite: the official Python `kubernetes` client against LocalKube.

Usage (standalone):
    aiven-operator apiserver --port 0 --state-dir DIR --watch-history 20 &
    KUBECONFIG=DIR/kubeconfig python3 Tests/compat/python_client_test.py

`swift test --filter PythonClientTests` runs it against an in-process LocalKube instead. The server
must serve the aiven.io CRDs and keep a short watch history (at most 20 changes) so the informer
test can force a 410. Exits non-zero on the first failure.
"""
import datetime
import json
import os
import threading

from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException

GROUP, VERSION, PLURAL, NAMESPACE = "aiven.io", "v1alpha1", "kafkaconnects", "default"


def api_client():
    return config.new_client_from_config(config_file=os.environ["KUBECONFIG"])


def kafka_connect(name, plan="business-4"):
    return {
        "apiVersion": "aiven.io/v1alpha1",
        "kind": "KafkaConnect",
        "metadata": {"name": name},
        "spec": {"project": "my-project", "cloudName": "google-europe-west1", "plan": plan},
    }


def expect_status(code, call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except ApiException as error:
        assert error.status == code, f"expected {code}, got {error.status}: {error.body}"
        return error
    raise AssertionError(f"expected HTTP {code}, the call succeeded")


def custom_objects_crud():
    api = client.CustomObjectsApi(api_client())
    created = api.create_namespaced_custom_object(GROUP, VERSION, NAMESPACE, PLURAL, kafka_connect("py-kc"))
    assert created["metadata"]["generation"] == 1
    assert created["spec"]["powered"] is True, "schema defaults are applied"
    got = api.get_namespaced_custom_object(GROUP, VERSION, NAMESPACE, PLURAL, "py-kc")
    assert got["metadata"]["uid"] == created["metadata"]["uid"]
    names = [item["metadata"]["name"] for item in api.list_namespaced_custom_object(GROUP, VERSION, NAMESPACE, PLURAL)["items"]]
    assert "py-kc" in names

    patched = api.patch_namespaced_custom_object(GROUP, VERSION, NAMESPACE, PLURAL, "py-kc", {"spec": {"plan": "business-8"}})
    assert patched["spec"]["plan"] == "business-8"
    assert patched["metadata"]["generation"] == 2

    status = api.patch_namespaced_custom_object_status(GROUP, VERSION, NAMESPACE, PLURAL, "py-kc", {"status": {"state": "RUNNING"}})
    assert status["status"]["state"] == "RUNNING"
    assert status["metadata"]["generation"] == 2, "status writes keep the generation"

    got["spec"]["plan"] = "business-16"
    conflict = expect_status(409, api.replace_namespaced_custom_object, GROUP, VERSION, NAMESPACE, PLURAL, "py-kc", got)
    assert "the object has been modified" in conflict.body
    invalid = expect_status(422, api.create_namespaced_custom_object, GROUP, VERSION, NAMESPACE, PLURAL, kafka_connect("py-bad", plan="x" * 200))
    assert "spec.plan: Too long: may not be longer than 128" in invalid.body
    expect_status(409, api.create_namespaced_custom_object, GROUP, VERSION, NAMESPACE, PLURAL, kafka_connect("py-kc"))

    api.delete_namespaced_custom_object(GROUP, VERSION, NAMESPACE, PLURAL, "py-kc")
    expect_status(404, api.get_namespaced_custom_object, GROUP, VERSION, NAMESPACE, PLURAL, "py-kc")


def informer_survives_410():
    """List, then watch from the list's resourceVersion; relist on 410 Expired."""
    api = client.CustomObjectsApi(api_client())
    listing = api.list_namespaced_custom_object(GROUP, VERSION, NAMESPACE, PLURAL)
    stale_version = listing["metadata"]["resourceVersion"]
    # Push the list's resourceVersion out of the server's short watch history.
    for index in range(30):
        api.create_namespaced_custom_object(GROUP, VERSION, NAMESPACE, PLURAL, kafka_connect(f"churn-{index}"))
    cache, relists, version = {}, 0, stale_version
    while True:
        try:
            for event in watch.Watch().stream(
                api.list_namespaced_custom_object, GROUP, VERSION, NAMESPACE, PLURAL, resource_version=version, timeout_seconds=1
            ):
                obj = event["object"]
                version = obj["metadata"]["resourceVersion"]
                if event["type"] == "DELETED":
                    cache.pop(obj["metadata"]["name"], None)
                else:
                    cache[obj["metadata"]["name"]] = obj
            break
        except ApiException as error:
            assert error.status == 410, f"unexpected watch error {error.status}"
            relists += 1
            assert relists == 1, "one relist must be enough"
            listing = api.list_namespaced_custom_object(GROUP, VERSION, NAMESPACE, PLURAL)
            cache = {item["metadata"]["name"]: item for item in listing["items"]}
            version = listing["metadata"]["resourceVersion"]
            api.create_namespaced_custom_object(GROUP, VERSION, NAMESPACE, PLURAL, kafka_connect("after-relist"))
    assert relists == 1
    assert {f"churn-{index}" for index in range(30)} <= set(cache), "the relist restored every object"
    assert "after-relist" in cache, "the watch after the relist delivered the new object"


def micro_time(offset_seconds=0):
    moment = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=offset_seconds)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def lease_leader_election():
    """Two clients compete for one Lease with client-go's protocol: create, renew with the read
    resourceVersion, take over an expired lease; stale writes lose with 409."""
    alice = client.CoordinationV1Api(api_client())
    bob = client.CoordinationV1Api(api_client())

    def lease(holder, renewed, transitions=0):
        return client.V1Lease(
            metadata=client.V1ObjectMeta(name="aiven-operator-leader"),
            spec=client.V1LeaseSpec(
                holder_identity=holder, lease_duration_seconds=15, acquire_time=renewed, renew_time=renewed, lease_transitions=transitions
            ),
        )

    outcomes = []

    def candidate(api, name):
        try:
            api.create_namespaced_lease(NAMESPACE, lease(name, micro_time()))
            outcomes.append((name, "leader"))
        except ApiException as error:
            outcomes.append((name, error.status))

    threads = [threading.Thread(target=candidate, args=(api, name)) for api, name in [(alice, "alice"), (bob, "bob")]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    leaders = [name for name, outcome in outcomes if outcome == "leader"]
    assert len(leaders) == 1 and sorted(o for _, o in outcomes if o != "leader") == [409], outcomes
    leader_api, follower_api = (alice, bob) if leaders[0] == "alice" else (bob, alice)
    follower = "bob" if leaders[0] == "alice" else "alice"

    seen_by_follower = follower_api.read_namespaced_lease("aiven-operator-leader", NAMESPACE)
    renewed = leader_api.read_namespaced_lease("aiven-operator-leader", NAMESPACE)
    renewed.spec.renew_time = micro_time(-60)  # the leader's last renewal, long expired
    leader_api.replace_namespaced_lease("aiven-operator-leader", NAMESPACE, renewed)

    seen_by_follower.spec.holder_identity = follower
    expect_status(409, follower_api.replace_namespaced_lease, "aiven-operator-leader", NAMESPACE, seen_by_follower)

    current = follower_api.read_namespaced_lease("aiven-operator-leader", NAMESPACE)
    assert current.spec.renew_time < datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=15)
    current.spec.holder_identity = follower
    current.spec.lease_transitions = (current.spec.lease_transitions or 0) + 1
    current.spec.acquire_time = current.spec.renew_time = micro_time()
    taken = follower_api.replace_namespaced_lease("aiven-operator-leader", NAMESPACE, current)
    assert taken.spec.holder_identity == follower and taken.spec.lease_transitions == 1

    renewed.spec.renew_time = micro_time()
    expect_status(409, leader_api.replace_namespaced_lease, "aiven-operator-leader", NAMESPACE, renewed)


def secrets_with_strategic_merge_patch():
    api = client.CoreV1Api(api_client())
    api.create_namespaced_secret(NAMESPACE, client.V1Secret(metadata=client.V1ObjectMeta(name="py-secret"), string_data={"token": "abc"}))
    patched = api.patch_namespaced_secret("py-secret", NAMESPACE, {"stringData": {"user": "admin"}})
    assert patched.data == {"token": "YWJj", "user": "YWRtaW4="}
    assert patched.type == "Opaque"


def service_account_token_rbac():
    """A client holding only a ServiceAccount token minted by TokenRequest: allowed what its Role
    grants, ApiException 403 for the rest."""
    admin = api_client()
    core, rbac = client.CoreV1Api(admin), client.RbacAuthorizationV1Api(admin)
    core.create_namespaced_service_account(NAMESPACE, {"metadata": {"name": "py-reader"}})
    rbac.create_namespaced_role(NAMESPACE, {
        "metadata": {"name": "py-reader"},
        "rules": [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list"]}],
    })
    rbac.create_namespaced_role_binding(NAMESPACE, {
        "metadata": {"name": "py-reader"},
        "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "py-reader"},
        "subjects": [{"kind": "ServiceAccount", "name": "py-reader", "namespace": NAMESPACE}],
    })
    core.create_namespaced_config_map(NAMESPACE, {"metadata": {"name": "py-config"}, "data": {"k": "v"}})
    minted = core.create_namespaced_service_account_token("py-reader", NAMESPACE, {"spec": {"expirationSeconds": 3600}})
    token = minted.status.token
    configuration = client.Configuration()
    configuration.host = admin.configuration.host
    configuration.api_key = {"authorization": "Bearer " + token}
    reader = client.CoreV1Api(client.ApiClient(configuration))
    names = [item.metadata.name for item in reader.list_namespaced_config_map(NAMESPACE).items]
    assert "py-config" in names, names
    denied = expect_status(403, reader.list_namespaced_secret, NAMESPACE)
    message = json.loads(denied.body)["message"]
    assert message == ('secrets is forbidden: User "system:serviceaccount:default:py-reader" cannot list resource "secrets" '
                       'in API group "" in the namespace "default"'), message
    expect_status(403, reader.delete_namespaced_config_map, "py-config", NAMESPACE)
    core.delete_namespaced_service_account("py-reader", NAMESPACE)
    expect_status(401, reader.list_namespaced_config_map, NAMESPACE)


def server_side_apply():
    """The dynamic client's server_side_apply: creates, records the manager, refuses another
    manager's change with 409 until forced."""
    from kubernetes.dynamic import DynamicClient
    kafka_connects = DynamicClient(api_client()).resources.get(api_version=f"{GROUP}/{VERSION}", kind="KafkaConnect")
    created = kafka_connects.server_side_apply(kafka_connect("py-applied"), name="py-applied", namespace=NAMESPACE, field_manager="py-team")
    assert created.spec.plan == "business-4"
    entries = [(entry.manager, entry.operation) for entry in created.metadata.managedFields]
    assert entries == [("py-team", "Apply")], entries
    try:
        kafka_connects.server_side_apply(kafka_connect("py-applied", plan="business-8"), name="py-applied", namespace=NAMESPACE, field_manager="py-other")
        raise AssertionError("expected a conflict")
    except ApiException as error:
        assert error.status == 409, error.status
        message = json.loads(error.body)["message"]
        assert message == 'Apply failed with 1 conflict: conflict with "py-team": .spec.plan', message
    forced = kafka_connects.server_side_apply(
        kafka_connect("py-applied", plan="business-8"), name="py-applied", namespace=NAMESPACE, field_manager="py-other", force_conflicts=True)
    assert forced.spec.plan == "business-8"


if __name__ == "__main__":
    for test in [
        custom_objects_crud, informer_survives_410, lease_leader_election, secrets_with_strategic_merge_patch, service_account_token_rbac,
        server_side_apply,
    ]:
        test()
        print(f"ok {test.__name__}")
